/// The fixed chart colours: a colour-blind-safe series palette (after Okabe and Ito, darkened to at least 3:1
/// against white) and the decision colours.
enum ChartPalette {
    /// Colours for the first series, in order.
    static let series = ["#0072B2", "#D55E00", "#007F5F", "#A1458A", "#8A6D00", "#3B82C4", "#5E4FA2"]
    /// The colour of the "other" series.
    static let other = "#8C959F"
    /// Allowed decisions.
    static let allowed = "#1A7F37"
    /// Partly allowed decisions.
    static let partial = "#B07800"
    /// Denied decisions.
    static let denied = "#CF222E"
    /// Axis lines and tick labels.
    static let axis = "#57606a"
    /// Grid lines.
    static let grid = "#D8DEE4"
    /// Text.
    static let text = "#1f2328"
}
