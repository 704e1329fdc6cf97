import Testing
import Verdant

/// What a test expects of one diagnostic.
public struct ExpectedDiagnostic: Sendable {
  /// Error or warning.
  public let severity: Severity
  /// The exact message.
  public let message: String
  /// The marker where the primary span starts.
  public let marker: String
  /// The exact text under the caret, when checked.
  public let underline: String?
  /// The exact help line, when checked (`""` asserts there is none).
  public let help: String?

  /// An expected error.
  public static func error(
    _ message: String, at marker: String = "1️⃣", underline: String? = nil, help: String? = nil
  ) -> ExpectedDiagnostic {
    ExpectedDiagnostic(
      severity: .error, message: message, marker: marker, underline: underline, help: help)
  }

  /// An expected warning.
  public static func warning(
    _ message: String, at marker: String = "1️⃣", underline: String? = nil, help: String? = nil
  ) -> ExpectedDiagnostic {
    ExpectedDiagnostic(
      severity: .warning, message: message, marker: marker, underline: underline, help: help)
  }
}

/// Checks marked source and returns its diagnostics.
/// - Parameters:
///   - source: Ruleset text (markers already removed).
///   - path: The file path used in diagnostics.
///   - imports: Other files by path, for `import`.
public func diagnostics(
  of source: String, path: String = "test.verdant", imports: [String: String] = [:]
) -> [Diagnostic] {
  Checker.check(
    SourceFile(path: path, text: source), loader: InMemorySourceLoader(files: imports)
  ).diagnostics
}

/// Asserts that checking the marked source yields exactly the expected diagnostics, in order:
/// severity, message, location (from the marker), underlined text and help.
public func assertDiagnostics(
  _ marked: String, _ expected: [ExpectedDiagnostic], imports: [String: String] = [:],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let source = MarkedSource(marked)
  let found = diagnostics(of: source.text, imports: imports)
  #expect(
    found.count == expected.count,
    "expected \(expected.count) diagnostics, found \(found.count):\n\(ShortRenderer().render(found))",
    sourceLocation: sourceLocation)
  for (diagnostic, expectation) in zip(found, expected) {
    #expect(diagnostic.severity == expectation.severity, sourceLocation: sourceLocation)
    #expect(diagnostic.message == expectation.message, sourceLocation: sourceLocation)
    if let offset = source.markers[expectation.marker] {
      let expectedPosition = diagnostic.span.file.location(of: offset)
      #expect(
        diagnostic.location == expectedPosition,
        "`\(diagnostic.message)` is at \(diagnostic.location), expected \(expectedPosition)",
        sourceLocation: sourceLocation)
    } else {
      Issue.record(
        "marker \(expectation.marker) is not in the source", sourceLocation: sourceLocation)
    }
    if let underline = expectation.underline {
      #expect(diagnostic.span.text == underline, sourceLocation: sourceLocation)
    }
    if let help = expectation.help {
      #expect((diagnostic.help ?? "") == help, sourceLocation: sourceLocation)
    }
  }
}
