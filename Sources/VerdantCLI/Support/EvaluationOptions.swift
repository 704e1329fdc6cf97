import ArgumentParser
import Verdant

/// The options `eval` and `explain` share: a ruleset, a date and the outputs to compute.
struct EvaluationOptions: ParsableArguments {
  @Argument(help: "The ruleset file.")
  var file: String

  @Option(name: .long, help: "The input JSON file: an object mapping each input name to its object.")
  var input: String?

  @Option(name: .customLong("as-of"), help: "The date that selects parameter versions (YYYY-MM-DD).")
  var asOf: AsOfDate?

  @Option(
    name: .customLong("output"), parsing: .upToNextOption,
    help: "Output names to evaluate (default: every let, rule, scorecard and table of the ruleset).")
  var outputs: [String] = []

  @Option(help: "How to print ruleset diagnostics: human, short, json or sarif.")
  var diagnosticsFormat: DiagnosticFormat = .human

  /// The as-of date: the option, or today (UTC).
  var date: CivilDate { asOf?.date ?? CivilDate.today() }

  /// Compiles the ruleset and resolves the outputs, reporting failures with the documented
  /// exit codes.
  func compile() throws -> (CompiledRuleset, OutputSelection) {
    let ruleset = try compileRuleset(at: file, format: diagnosticsFormat, showWarnings: false)
    do {
      return (ruleset, try ruleset.outputs(named: outputs.isEmpty ? nil : outputs))
    } catch {
      // A usage error, but found after parsing: argument-parser would print the top-level
      // usage here instead of this command's, so report it directly.
      printError("error: \(error.description)")
      throw ExitCode.validationFailure
    }
  }

  /// Compiles the ruleset, resolves the outputs and binds the `--input` document.
  func prepare() throws -> (CompiledRuleset, InputValues, OutputSelection) {
    guard let input else { throw ValidationError("Missing expected argument '--input <input>'") }
    let (ruleset, selection) = try compile()
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.readBytes(atPath: input)
    } catch {
      printError("error: \(error)")
      throw ExitStatus.inputInvalid
    }
    do {
      return (ruleset, try ruleset.inputs(json: bytes), selection)
    } catch {
      printError("error: invalid input in \(input):")
      for issue in error.issues { printError("  \(issue)") }
      throw ExitStatus.inputInvalid
    }
  }
}
