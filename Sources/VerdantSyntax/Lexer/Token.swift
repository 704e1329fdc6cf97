/// One token with its location and the trivia the parser needs.
public struct Token: Sendable, Hashable {
  /// What kind of token it is.
  public let kind: TokenKind
  /// Where it is.
  public let span: Span
  /// Whether a line break separates it from the previous token. Table rows and region lists
  /// end at line breaks; elsewhere the grammar ignores them.
  public let isAtLineStart: Bool
  /// The `///` doc comment lines directly before the token, joined by newlines.
  public let docComment: String?
  /// For string literals, the decoded value.
  public let stringValue: String?

  /// Creates a token.
  public init(
    kind: TokenKind, span: Span, isAtLineStart: Bool, docComment: String? = nil,
    stringValue: String? = nil
  ) {
    self.kind = kind
    self.span = span
    self.isAtLineStart = isAtLineStart
    self.docComment = docComment
    self.stringValue = stringValue
  }

  /// The source text of the token.
  public var text: String { span.text }

  /// Whether the token is the identifier `word` (used for contextual keywords).
  public func isWord(_ word: String) -> Bool {
    kind == .identifier && span.file.bytes[span.range].elementsEqual(word.utf8)
  }
}
