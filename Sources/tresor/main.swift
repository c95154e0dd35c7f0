import Foundation
import TresorCLI

exit(CommandLineTool.main(root: Tresor.self))
