import ArgumentParser
import Verdant

/// `verdant check FILE…`: report every error and warning in rulesets.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check rulesets for errors and warnings without evaluating them.",
    discussion: """
      Diagnostics go to standard error. Also loads the rulesets' XML catalogs (or snapshots) and \
      reports their errors, unless --no-catalogs. Exits 0 when there are no errors (warnings \
      allowed) and 1 otherwise.
      """)

  @Argument(help: "Ruleset files to check.")
  var files: [String]

  @Option(help: "How to print diagnostics: human, short, json or sarif.")
  var format: DiagnosticFormat = .human

  @Flag(help: "Also print the type of every declaration (to standard output).")
  var types = false

  @Flag(help: "Do not load the rulesets' XML catalogs (or their snapshots).")
  var noCatalogs = false

  mutating func run() throws {
    var all: [Diagnostic] = []
    var unreadable = false
    for path in files {
      let text: String
      do {
        text = try FileSystem.readText(atPath: path)
      } catch {
        printError("error: \(error)")
        unreadable = true
        continue
      }
      let result = Ruleset.check(SourceFile(path: path, text: text))
      all += result.diagnostics
      if !noCatalogs, let checked = result.ruleset {
        do {
          all += try Ruleset.loadCatalogs(for: checked).warnings
        } catch {
          all += error.diagnostics
        }
      }
      if types, let checked = result.ruleset {
        for declaration in checked.declarations
        where checked.sources[0] === declaration.nameSpan.file {
          print("\(declaration.kindName) \(declaration.name): \(declaration.type)")
        }
      }
    }
    if format == .human {
      if !all.isEmpty { printError(format.render(all)) }
    } else {
      printError(format.render(all))
    }
    if unreadable || all.containsErrors { throw ExitStatus.rulesetInvalid }
  }
}
