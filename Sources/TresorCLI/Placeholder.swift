enum TresorCLIPlaceholder {}
