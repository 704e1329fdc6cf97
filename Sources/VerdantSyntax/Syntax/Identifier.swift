/// A name as written, with its location.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
  /// The name.
  public let name: String
  /// Where it was written.
  public let span: Span

  /// Creates an identifier.
  public init(name: String, span: Span) {
    self.name = name
    self.span = span
  }

  /// The name.
  public var description: String { name }
}

/// A string literal as written in a declaration (a ruleset name, a reason, an import path).
public struct StringLiteral: Sendable, Hashable {
  /// The decoded text.
  public let value: String
  /// Where it was written, including the quotes.
  public let span: Span

  /// Creates a string literal.
  public init(value: String, span: Span) {
    self.value = value
    self.span = span
  }
}

/// A date literal as written (`2025-07-01`); the checker validates the calendar date.
public struct DateLiteral: Sendable, Hashable {
  /// The text, `YYYY-MM-DD`.
  public let text: String
  /// Where it was written.
  public let span: Span

  /// Creates a date literal.
  public init(text: String, span: Span) {
    self.text = text
    self.span = span
  }
}
