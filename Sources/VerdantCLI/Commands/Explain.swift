import ArgumentParser
import Verdant

/// `verdant explain FILE --input INPUT.json`: why each output has its value, as text.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Evaluate a ruleset and explain every output in readable text.",
    discussion: """
      For each output: the rule branch, scorecard bins or table rows that decided it, the values \
      read, the parameter versions used and the reasons. Exit codes as for `eval`.
      """)

  @OptionGroup var evaluation: EvaluationOptions

  mutating func run() throws {
    let (ruleset, inputs, selection) = try evaluation.prepare()
    do {
      let result = try ruleset.evaluate(
        inputs, asOf: evaluation.date, outputs: selection, explain: true)
      print(([result.ruleset] + (result.version.map { [$0] } ?? []) + ["as of \(result.asOf)"]).joined(separator: " "))
      if let explanation = result.explanation {
        print(ExplanationRenderer().render(explanation), terminator: "")
      }
    } catch {
      printError(HumanRenderer().render(error.diagnostic))
      throw ExitStatus.evaluationFailed
    }
  }
}
