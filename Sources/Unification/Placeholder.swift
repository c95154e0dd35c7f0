enum UnificationPlaceholder {}
