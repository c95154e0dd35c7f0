enum SegmentationPlaceholder {}
