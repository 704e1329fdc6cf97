/// Parses tokens into a ruleset syntax tree, reporting every syntax error it can find.
///
/// The parser is a recursive-descent parser with precedence climbing for expressions. On an
/// error it reports a diagnostic, unwinds to the nearest recovery point (the next branch of a
/// rule, the next field of a record, the next declaration), and carries on.
public struct Parser {
  /// Thrown to unwind to a recovery point after a diagnostic has been reported.
  struct Failure: Error {}

  let file: SourceFile
  var tokens: [Token]
  var index = 0
  var diagnostics = DiagnosticCollector()
  /// Inside table rows and scorecard bins a line break ends the expression: rows are lines.
  var lineBreakEndsExpression = false

  /// Words that start a top-level declaration. They are contextual, not reserved: recovery
  /// only treats them as declaration starts at the beginning of a line.
  static let declarationWords: Set<String> = [
    "ruleset", "enum", "input", "record", "let", "output", "param", "fn", "import", "rule",
    "scorecard", "table", "test", "regions", "standard", "equivalent", "catalog",
  ]

  /// Creates a parser over a file's tokens.
  public init(file: SourceFile) {
    let (tokens, lexical) = Lexer.tokenize(file)
    self.file = file
    self.tokens = tokens
    self.diagnostics.report(contentsOf: lexical)
  }

  /// Parses a whole file.
  /// - Parameter file: The source.
  /// - Returns: The syntax tree (with error placeholders where parsing failed) and every
  ///   lexical and syntax diagnostic, sorted by location.
  public static func parse(_ file: SourceFile) -> (syntax: RulesetSyntax, diagnostics: [Diagnostic])
  {
    var parser = Parser(file: file)
    let syntax = parser.parseRuleset()
    return (syntax, parser.diagnostics.diagnostics.sortedByLocation())
  }

  // MARK: - Token access

  var current: Token { tokens[index] }

  func peek(_ distance: Int = 1) -> Token {
    tokens[min(index + distance, tokens.count - 1)]
  }

  var previous: Token { tokens[max(0, index - 1)] }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  func at(_ kind: TokenKind) -> Bool { current.kind == kind }

  /// Whether the current token may continue the expression being parsed (it may not start a
  /// new row when rows are lines).
  var continuesExpression: Bool { !(lineBreakEndsExpression && current.isAtLineStart) }

  /// Parses with line breaks ending expressions (table rows, scorecard bins).
  mutating func parsingRows<T>(_ body: (inout Parser) throws(Failure) -> T) throws(Failure) -> T {
    let saved = lineBreakEndsExpression
    lineBreakEndsExpression = true
    defer { lineBreakEndsExpression = saved }
    return try body(&self)
  }

  func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

  func atWord(_ word: String) -> Bool { current.isWord(word) }

  mutating func eat(_ kind: TokenKind) -> Token? {
    at(kind) ? advance() : nil
  }

  mutating func eat(_ keyword: Keyword) -> Token? {
    at(keyword) ? advance() : nil
  }

  mutating func eatWord(_ word: String) -> Token? {
    atWord(word) ? advance() : nil
  }

  /// Consumes a token of the given kind or reports what was expected and unwinds.
  @discardableResult
  mutating func expect(_ kind: TokenKind, _ context: String, help: String? = nil) throws(Failure)
    -> Token
  {
    if let token = eat(kind) { return token }
    throw fail(.expectedToken(kind.description, context, found: current, help: help))
  }

  /// Consumes a name or reports what was expected and unwinds.
  mutating func expectIdentifier(_ context: String) throws(Failure) -> Identifier {
    if at(.identifier) {
      let token = advance()
      return Identifier(name: token.text, span: token.span)
    }
    var help: String?
    if case .keyword(let keyword) = current.kind {
      help = "`\(keyword.rawValue)` is a reserved word and cannot be used as a name"
    }
    throw fail(.expectedToken("a name", context, found: current, help: help))
  }

  /// Reports a diagnostic and returns the error to throw.
  mutating func fail(_ diagnostic: Diagnostic) -> Failure {
    diagnostics.report(diagnostic)
    return Failure()
  }

  func span(from start: Span) -> Span {
    start.merged(with: previous.span)
  }

  func isDeclarationStart(_ token: Token) -> Bool { Self.isDeclarationStart(token) }

  static func isDeclarationStart(_ token: Token) -> Bool {
    token.kind == .identifier && declarationWords.contains(token.text)
  }

  // MARK: - Recovery

  /// Skips tokens until `stop` holds at nesting depth zero, an unmatched closing brace, or a
  /// declaration keyword at the start of a line (never skip past a whole declaration).
  /// - Parameter start: The token index where the failed item began; when nothing was consumed
  ///   since, one token is skipped first so that recovery always makes progress.
  mutating func recover(from start: Int, until stop: (Token) -> Bool) {
    if index == start, !at(.endOfFile) { advance() }
    var depth = 0
    while !at(.endOfFile) {
      let token = current
      if depth == 0 {
        if stop(token) { return }
        if token.isAtLineStart, isDeclarationStart(token) { return }
      }
      switch token.kind {
      case .leftBrace, .leftParen, .leftBracket:
        depth += 1
      case .rightBrace, .rightParen, .rightBracket:
        if depth == 0 {
          if token.kind == .rightBrace { return }
        } else {
          depth -= 1
        }
      default:
        break
      }
      advance()
    }
  }
}
