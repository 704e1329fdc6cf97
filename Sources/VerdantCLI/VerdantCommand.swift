import ArgumentParser
import Verdant

/// The `verdant` command line: a thin layer over the library.
@main
struct VerdantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verdant",
    abstract: "Check and evaluate Verdant green-credit rulesets.",
    discussion: """
      Exit codes: 0 success; 1 the ruleset has errors; 2 the input data is invalid; \
      3 evaluation failed (overflow, division by zero, …); 64 usage error.
      """,
    version: Ruleset.libraryVersion,
    subcommands: [Check.self, Eval.self, Explain.self, Test.self, Import.self])
}

/// The documented, stable exit codes.
enum ExitStatus {
  static let rulesetInvalid = ExitCode(1)
  static let inputInvalid = ExitCode(2)
  static let evaluationFailed = ExitCode(3)
}
