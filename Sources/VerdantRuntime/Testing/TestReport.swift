import VerdantSyntax
import VerdantValues

/// The outcome of running one `*.test.verdant` file.
public struct TestFileReport: Sendable {
  /// The test file.
  public let path: String
  /// Errors and warnings from compiling the file; with errors, no test ran.
  public let diagnostics: [Diagnostic]
  /// One report per test, in file order.
  public let cases: [TestCaseReport]
  /// Which branches, bins and rows of the tested rulesets the tests exercised.
  public let coverage: [CoverageEntry]

  /// Whether the file compiled and every test passed.
  public var passed: Bool { !diagnostics.containsErrors && cases.allSatisfy(\.passed) }
}

/// The outcome of one test.
public struct TestCaseReport: Sendable {
  /// The test's name.
  public let name: String
  /// Where the test was written.
  public let span: Span
  /// Failed expectations and evaluation errors; empty when the test passed.
  public let failures: [TestFailure]

  /// Whether every expectation held.
  public var passed: Bool { failures.isEmpty }
}

/// One failed expectation, or an evaluation error, in a test.
public struct TestFailure: Sendable {
  /// Where: the failing `expect`, or the test when evaluation failed before any expectation.
  public let span: Span
  /// What failed, e.g. ``expected `grade` to be B, got C``.
  public let message: String
  /// For `expect a == b`, the value of `a`.
  public let actual: Value?
  /// For `expect a == b`, the value of `b`.
  public let expected: Value?
}

/// One branch, bin or row of a tested ruleset, and whether any test exercised it.
public struct CoverageEntry: Sendable, Hashable {
  /// A stable identity across test files: file path, line and description.
  public var key: String { "\(path):\(line):\(description)" }
  /// The ruleset file.
  public let path: String
  /// The line of the branch, bin or row.
  public let line: Int
  /// The column of the branch, bin or row.
  public let column: Int
  /// What it is: ``rule `grade` branch 3 (`score >= 70`)``.
  public let description: String
  /// Whether a test exercised it.
  public let covered: Bool
}
