/// Turns source text into tokens.
///
/// The lexer never stops at an error: it reports the problem, produces an ``TokenKind/invalid``
/// token or a best-effort token, and carries on, so one run shows every problem in a file.
public struct Lexer {
  let file: SourceFile
  let bytes: [UInt8]
  var position = 0
  var diagnostics = DiagnosticCollector()
  private var sawNewline = true
  private var pendingDoc: [String] = []

  /// Creates a lexer over a file.
  public init(file: SourceFile) {
    self.file = file
    self.bytes = file.bytes
  }

  /// Lexes a whole file.
  /// - Parameter file: The source.
  /// - Returns: The tokens, ending with ``TokenKind/endOfFile``, and the lexical diagnostics.
  public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(file: file)
    var tokens: [Token] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .endOfFile { break }
    }
    return (tokens, lexer.diagnostics.diagnostics)
  }

  /// The next token.
  public mutating func next() -> Token {
    skipTrivia()
    let start = position
    guard position < bytes.count else { return make(.endOfFile, from: start) }
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return lexNumber()
    case UInt8(ascii: "\""):
      return lexString()
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "_"):
      return lexWord()
    default:
      return lexPunctuation()
    }
  }

  // MARK: - Trivia

  /// Skips spaces, line breaks and comments, remembering line breaks and `///` doc lines.
  private mutating func skipTrivia() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\n") {
        sawNewline = true
        position += 1
      } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        || byte == UInt8(ascii: "\r")
      {
        position += 1
      } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
        let isDoc = peek(2) == UInt8(ascii: "/") && peek(3) != UInt8(ascii: "/")
        let commentStart = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        if isDoc {
          var line = String(decoding: bytes[(commentStart + 3)..<position], as: UTF8.self)
          if line.hasPrefix(" ") { line.removeFirst() }
          if line.hasSuffix("\r") { line.removeLast() }
          pendingDoc.append(line)
        } else {
          // A plain comment between a doc comment and its declaration detaches nothing.
        }
      } else if byte == 0xEF, peek(1) == 0xBB, peek(2) == 0xBF, position == 0 {
        position += 3  // UTF-8 byte order mark
      } else {
        return
      }
    }
  }

  // MARK: - Building tokens

  func peek(_ distance: Int) -> UInt8? {
    let index = position + distance
    return index < bytes.count ? bytes[index] : nil
  }

  mutating func make(_ kind: TokenKind, from start: Int, stringValue: String? = nil) -> Token {
    let doc = pendingDoc.isEmpty ? nil : pendingDoc.joined(separator: "\n")
    pendingDoc.removeAll()
    let token = Token(
      kind: kind, span: Span(file: file, start: start, end: position), isAtLineStart: sawNewline,
      docComment: doc, stringValue: stringValue)
    sawNewline = false
    return token
  }

  func span(_ start: Int, _ end: Int) -> Span { Span(file: file, start: start, end: end) }

  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
  }

  static func isUpperOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  // MARK: - Words and region codes

  /// Lexes an identifier, a keyword, or a region code such as `CN-ZJ-HZ`.
  private mutating func lexWord() -> Token {
    let start = position
    while let byte = peek(0), Self.isIdentifierByte(byte) { position += 1 }
    let word = bytes[start..<position]
    let isUpperWord = word.allSatisfy(Self.isUpperOrDigit)
    // A hyphen followed by an uppercase letter or digit continues a region code; the language
    // asks for spaces around subtraction so that `CN-ZJ` is never `CN - ZJ`.
    if isUpperWord, peek(0) == UInt8(ascii: "-"), let after = peek(1), Self.isUpperOrDigit(after) {
      while peek(0) == UInt8(ascii: "-"), let after = peek(1), Self.isUpperOrDigit(after) {
        position += 1
        while let byte = peek(0), Self.isUpperOrDigit(byte) { position += 1 }
      }
      return make(.regionCode, from: start)
    }
    let text = String(decoding: word, as: UTF8.self)
    if let keyword = Keyword(rawValue: text) {
      return make(.keyword(keyword), from: start)
    }
    return make(.identifier, from: start)
  }

  // MARK: - Punctuation

  private mutating func lexPunctuation() -> Token {
    let start = position
    let byte = bytes[position]
    position += 1
    func two(_ second: Character, _ kind: TokenKind, else single: TokenKind) -> TokenKind {
      if peek(0) == second.asciiValue {
        position += 1
        return kind
      }
      return single
    }
    let kind: TokenKind
    switch byte {
    case UInt8(ascii: "("): kind = .leftParen
    case UInt8(ascii: ")"): kind = .rightParen
    case UInt8(ascii: "{"): kind = .leftBrace
    case UInt8(ascii: "}"): kind = .rightBrace
    case UInt8(ascii: "["): kind = .leftBracket
    case UInt8(ascii: "]"): kind = .rightBracket
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ";"): kind = .semicolon
    case UInt8(ascii: "@"): kind = .at
    case UInt8(ascii: "'"):
      // Single quotes only appear in catalog selector predicates (`[@ColumnRef='code']`).
      while let next = peek(0), next != UInt8(ascii: "'"), next != UInt8(ascii: "\n") {
        position += 1
      }
      if peek(0) == UInt8(ascii: "'") {
        position += 1
      } else {
        diagnostics.report(.unterminatedString(at: span(start, position)))
      }
      kind = .singleQuoted
    case UInt8(ascii: ":"): kind = .colon
    case UInt8(ascii: "+"): kind = .plus
    case UInt8(ascii: "-"): kind = .minus
    case UInt8(ascii: "*"): kind = .star
    case UInt8(ascii: "/"): kind = .slash
    case UInt8(ascii: "|"):
      if peek(0) == UInt8(ascii: "|") {
        position += 1
        diagnostics.report(
          .unexpectedCharacter("||", at: span(start, position), help: "write `or`"))
        kind = .invalid
      } else {
        kind = .pipe
      }
    case UInt8(ascii: "&"):
      if peek(0) == UInt8(ascii: "&") { position += 1 }
      diagnostics.report(
        .unexpectedCharacter(
          String(decoding: bytes[start..<position], as: UTF8.self), at: span(start, position),
          help: "write `and`"))
      kind = .invalid
    case UInt8(ascii: "?"):
      if peek(0) == UInt8(ascii: "?") {
        position += 1
        kind = .questionQuestion
      } else {
        kind = two(".", .questionDot, else: .question)
      }
    case UInt8(ascii: "="):
      if peek(0) == UInt8(ascii: ">") {
        position += 1
        kind = .fatArrow
      } else {
        kind = two("=", .equalEqual, else: .equal)
      }
    case UInt8(ascii: "!"):
      if peek(0) == UInt8(ascii: "=") {
        position += 1
        kind = .bangEqual
      } else {
        diagnostics.report(
          .unexpectedCharacter("!", at: span(start, position), help: "write `not` for negation"))
        kind = .invalid
      }
    case UInt8(ascii: "<"): kind = two("=", .lessEqual, else: .less)
    case UInt8(ascii: ">"): kind = two("=", .greaterEqual, else: .greater)
    case UInt8(ascii: "."):
      if peek(0) == UInt8(ascii: "."), peek(1) == UInt8(ascii: "<") {
        position += 2
        kind = .halfOpenRange
      } else if peek(0) == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") {
        position += 2
        kind = .closedRange
      } else {
        kind = .dot
      }
    default:
      // Consume a whole UTF-8 scalar so the diagnostic shows the character, not a byte.
      while let next = peek(0), next & 0xC0 == 0x80 { position += 1 }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      diagnostics.report(.unexpectedCharacter(text, at: span(start, position), help: nil))
      kind = .invalid
    }
    return make(kind, from: start)
  }
}
