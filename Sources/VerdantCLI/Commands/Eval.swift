import ArgumentParser
import Verdant

/// `verdant eval FILE --input INPUT.json`: evaluate a ruleset on one input document.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Evaluate a ruleset on one input and print the outputs as JSON.",
    discussion: """
      INPUT.json maps each input name to its object, e.g. {"supplier": {…}}. The result is \
      {"ruleset", "version", "hash", "as_of", "outputs"} on standard output (and \
      "explanation" with --explain). Exit codes: 1 the ruleset has errors, 2 the input is \
      invalid, 3 evaluation failed.
      """)

  @OptionGroup var evaluation: EvaluationOptions

  @Flag(help: "Print the result on one line.")
  var compact = false

  @Flag(help: "Add an explanation of every output to the JSON.")
  var explain = false

  mutating func run() throws {
    let (ruleset, inputs, selection) = try evaluation.prepare()
    do {
      let result = try ruleset.evaluate(
        inputs, asOf: evaluation.date, outputs: selection, explain: explain)
      print(JSONWriter.string(result.json, pretty: !compact))
    } catch {
      printError(HumanRenderer().render(error.diagnostic))
      throw ExitStatus.evaluationFailed
    }
  }
}
