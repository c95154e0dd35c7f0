enum NormalizationPlaceholder {}
