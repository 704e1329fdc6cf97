/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
  /// The ruleset cannot be compiled.
  case error
  /// The ruleset compiles, but something is probably not what the author meant.
  case warning

  /// Errors sort before warnings.
  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .error && rhs == .warning
  }
}

/// A stable identifier for a kind of diagnostic, e.g. `V2003`.
///
/// Ranges: V1xxx syntax, V2xxx names and types, V3xxx catalogs and XML, V4xxx evaluation,
/// V5xxx input data. Codes never change meaning, so tools and documentation can rely on them.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable,
  CustomStringConvertible
{
  /// The code text, `V` and four digits.
  public let rawValue: String

  /// Creates a code from its text.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The code text.
  public var description: String { rawValue }

  /// Orders codes by their text.
  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// A related fact attached to a diagnostic, with its own location where it has one.
public struct DiagnosticNote: Sendable, Hashable {
  /// Where the related fact is.
  public let span: Span?
  /// What it says.
  public let message: String

  /// Creates a note.
  public init(_ message: String, at span: Span? = nil) {
    self.span = span
    self.message = message
  }
}

/// A message about a ruleset: an error or a warning with its location, what was expected,
/// related notes and a suggested fix.
///
/// Messages follow one style: lowercase, no final period, one line, user text in backticks.
/// The fix goes in ``help``, related facts in ``notes``.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// Error or warning.
  public let severity: Severity
  /// The stable code of the diagnostic kind.
  public let code: DiagnosticCode
  /// The one-line message.
  public let message: String
  /// The primary location.
  public let span: Span
  /// A short text shown under the caret.
  public let label: String?
  /// Related facts.
  public let notes: [DiagnosticNote]
  /// How to fix it.
  public let help: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at span: Span,
    label: String? = nil, notes: [DiagnosticNote] = [], help: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.span = span
    self.label = label
    self.notes = notes
    self.help = help
  }

  /// The location of the primary span.
  public var location: SourcePosition { span.location }

  /// The short, one-line form: `path:line:col: error: message`.
  public var description: String { ShortRenderer().render(self) }

  /// Whether the diagnostic is an error.
  public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
  /// The diagnostics sorted by file, line and column, errors before warnings at one place.
  public func sortedByLocation() -> [Diagnostic] {
    sorted { a, b in
      if a.span.file.path != b.span.file.path { return a.span.file.path < b.span.file.path }
      if a.span.start != b.span.start { return a.span.start < b.span.start }
      if a.severity != b.severity { return a.severity < b.severity }
      return a.message < b.message
    }
  }

  /// Whether any diagnostic is an error.
  public var containsErrors: Bool { contains { $0.isError } }
}
