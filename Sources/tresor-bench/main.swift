import Foundation
import TresorCLI

// tresor-bench: measures the vault against the performance targets of DESIGN.md.
// See BenchmarksCommand for the options and Scenarios/ for what is measured.
exit(CommandLineTool.main(root: BenchmarksCommand.self))
