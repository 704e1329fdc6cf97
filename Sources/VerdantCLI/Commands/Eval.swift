import ArgumentParser
import Verdant

/// `verdant eval FILE --input INPUT.json`: evaluate a ruleset on one input document.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Evaluate a ruleset on one input and print the outputs as JSON.",
    discussion: """
      INPUT.json maps each input name to its object, e.g. {"supplier": {…}}. The result is \
      {"ruleset", "version", "hash", "as_of", "outputs"} on standard output. Exit codes: 1 the \
      ruleset has errors, 2 the input is invalid, 3 evaluation failed.
      """)

  @Argument(help: "The ruleset file.")
  var file: String

  @Option(name: .long, help: "The input JSON file.")
  var input: String

  @Option(
    name: .customLong("as-of"), help: "The date that selects parameter versions (YYYY-MM-DD).")
  var asOf: AsOfDate?

  @Option(
    name: .customLong("output"), parsing: .upToNextOption,
    help: "Output names to print (default: every let and rule of the ruleset).")
  var outputs: [String] = []

  @Flag(help: "Print the result on one line.")
  var compact = false

  @Option(help: "How to print ruleset diagnostics: human, short, json or sarif.")
  var diagnosticsFormat: DiagnosticFormat = .human

  mutating func run() throws {
    let ruleset = try compileRuleset(at: file, format: diagnosticsFormat, showWarnings: false)
    let selection: OutputSelection
    do {
      selection = try ruleset.outputs(named: outputs.isEmpty ? nil : outputs)
    } catch {
      throw ValidationError(error.description)
    }
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.readBytes(atPath: input)
    } catch {
      printError("error: \(error)")
      throw ExitStatus.inputInvalid
    }
    let inputs: InputValues
    do {
      inputs = try ruleset.inputs(json: bytes)
    } catch {
      printError("error: invalid input in \(input):")
      for issue in error.issues { printError("  \(issue)") }
      throw ExitStatus.inputInvalid
    }
    do {
      let result = try ruleset.evaluate(
        inputs, asOf: asOf?.date ?? CivilDate.today(), outputs: selection)
      print(JSONWriter.string(result.json, pretty: !compact))
    } catch {
      printError(HumanRenderer().render(error.diagnostic))
      throw ExitStatus.evaluationFailed
    }
  }
}
