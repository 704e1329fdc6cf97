import ArgumentParser
import Verdant

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
  /// Source line, caret and help (the default).
  case human
  /// One line each: `path:line:col: error: message [code]`.
  case short
  /// A JSON document.
  case json
  /// SARIF 2.1.0 for code-scanning tools.
  case sarif

  /// Renders diagnostics in this format.
  func render(_ diagnostics: [Diagnostic]) -> String {
    switch self {
    case .human: return HumanRenderer().render(diagnostics)
    case .short: return ShortRenderer().render(diagnostics)
    case .json: return JSONRenderer().render(diagnostics)
    case .sarif: return SARIFRenderer(toolVersion: Ruleset.libraryVersion).render(diagnostics)
    }
  }
}

/// Reads and compiles a ruleset, printing diagnostics and exiting with status 1 on errors.
func compileRuleset(at path: String, format: DiagnosticFormat, showWarnings: Bool) throws
  -> CompiledRuleset
{
  do {
    let ruleset = try Ruleset.compile(contentsOfFile: path)
    if showWarnings, !ruleset.warnings.isEmpty {
      printError(format.render(ruleset.warnings))
    }
    return ruleset
  } catch {
    if let unreadable = error.unreadable {
      printError("error: \(unreadable)")
    } else {
      printError(format.render(error.diagnostics))
    }
    throw ExitStatus.rulesetInvalid
  }
}

/// Parses `--as-of` dates.
struct AsOfDate: ExpressibleByArgument {
  let date: CivilDate

  init?(argument: String) {
    guard let date = CivilDate(iso8601: argument) else { return nil }
    self.date = date
  }

  static var defaultValueDescription: String { "today (UTC)" }
}
