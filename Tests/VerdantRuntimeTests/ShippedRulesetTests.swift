import Testing
import Verdant

/// Runs every `rulesets/**/*.test.verdant` and `examples/**/*.test.verdant` file, so
/// `swift test` (and CI) catches a broken ruleset or a failing ruleset test.
@Suite("Shipped rulesets")
struct ShippedRulesetTests {
  static let root: String = {
    #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
      .joined(separator: "/")
  }()

  static let testFiles = RulesetTestRunner.discover([root + "/rulesets", root + "/examples"])

  @Test("there are ruleset tests to run")
  func found() {
    #expect(!Self.testFiles.isEmpty)
  }

  @Test("every ruleset test passes", arguments: testFiles)
  func passes(file: String) {
    let report = RulesetTestRunner.run(file: file, catalogs: Ruleset.catalogLoader())
    #expect(
      !report.diagnostics.containsErrors, "\(ShortRenderer().render(report.diagnostics))")
    #expect(!report.cases.isEmpty, "\(file) has no tests")
    for testCase in report.cases {
      for failure in testCase.failures {
        Issue.record(
          "\(failure.span.file.path):\(failure.span.location): test \"\(testCase.name)\": \(failure.message)")
      }
    }
  }
}
