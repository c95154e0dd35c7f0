enum SampleDataPlaceholder {}
