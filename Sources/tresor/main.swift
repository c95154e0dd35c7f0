import TresorCLI
import Foundation

exit(CommandLineTool.main(root: Tresor.self))
