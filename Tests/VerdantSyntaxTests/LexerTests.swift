import Testing
import VerdantSyntax

/// Lexes text and returns each token's kind and text, without the end-of-file token.
private func lex(_ text: String) -> [(TokenKind, String)] {
  let (tokens, _) = Lexer.tokenize(SourceFile(path: "t.verdant", text: text))
  return tokens.dropLast().map { ($0.kind, $0.text) }
}

private func lexDiagnostics(_ text: String) -> [String] {
  Lexer.tokenize(SourceFile(path: "t.verdant", text: text)).diagnostics.map(\.description)
}

@Suite("Lexer")
struct LexerTests {
  @Test(
    "literal tokens",
    arguments: [
      ("42", TokenKind.integer), ("1_000_000", .integer), ("0.35", .decimal),
      ("12.5%", .percent), ("5%", .percent), ("2025-07-01", .date), ("\"GB/T 19630\"", .string),
      ("CN-ZJ-HZ", .regionCode), ("CN-33", .regionCode), ("EU-DE", .regionCode),
      ("supplier", .identifier), ("Grade", .identifier), ("CN", .identifier),
    ])
  func literalTokens(text: String, kind: TokenKind) {
    let tokens = lex(text)
    #expect(tokens.count == 1)
    #expect(tokens.first?.0 == kind)
    #expect(tokens.first?.1 == text)
  }

  @Test("operators and punctuation")
  func operators() {
    let kinds = lex("== != <= >= => ..< ... ?? ?. ? | < > = + - * / ( ) { } [ ] , : .").map(\.0)
    #expect(
      kinds == [
        .equalEqual, .bangEqual, .lessEqual, .greaterEqual, .fatArrow, .halfOpenRange,
        .closedRange, .questionQuestion, .questionDot, .question, .pipe, .less, .greater, .equal,
        .plus, .minus, .star, .slash, .leftParen, .rightParen, .leftBrace, .rightBrace,
        .leftBracket, .rightBracket, .comma, .colon, .dot,
      ])
  }

  @Test("reserved words are keywords; declaration words are identifiers")
  func keywords() {
    let tokens = lex("and or not in contains is when otherwise because rule let effective")
    #expect(
      tokens.prefix(9).map(\.0) == [
        .keyword(.and), .keyword(.or), .keyword(.not), .keyword(.in), .keyword(.contains),
        .keyword(.is), .keyword(.when), .keyword(.otherwise), .keyword(.because),
      ])
    #expect(tokens.suffix(3).map(\.0) == [.identifier, .identifier, .identifier])
  }

  @Test("subtraction needs spaces only between region-like words")
  func subtraction() {
    #expect(lex("a - b").map(\.0) == [.identifier, .minus, .identifier])
    #expect(lex("x-1").map(\.0) == [.identifier, .minus, .integer])
    #expect(lex("10-5").map(\.0) == [.integer, .minus, .integer])
    #expect(lex("A-B").map(\.0) == [.regionCode])
  }

  @Test("doc comments attach to the next token; plain comments are skipped")
  func docComments() {
    let file = SourceFile(
      path: "t.verdant", text: "/// First line.\n/// Second.\n// plain\nlet x = 1")
    let tokens = Lexer.tokenize(file).tokens
    #expect(tokens[0].docComment == "First line.\nSecond.")
    #expect(tokens[0].isAtLineStart)
    #expect(tokens[1].docComment == nil)
  }

  @Test("string escapes decode")
  func strings() {
    let tokens = Lexer.tokenize(SourceFile(path: "t", text: #""a\"b\\c\n\u{4E2D}""#)).tokens
    #expect(tokens[0].stringValue == "a\"b\\c\n中")
  }

  @Test(
    "lexical errors are reported with their location",
    arguments: [
      ("let x = 1 & 2", "t.verdant:1:11: error: unexpected character `&` [V1001]"),
      ("let x = \"open", "t.verdant:1:9: error: unterminated string [V1002]"),
      (
        #"let x = "\q""#,
        #"t.verdant:1:10: error: invalid escape sequence `\q` in a string [V1003]"#
      ),
      ("let x = 12abc", "t.verdant:1:9: error: invalid number `12abc` [V1004]"),
      ("let x = 1__000", "t.verdant:1:9: error: misplaced `_` in number `1__000` [V1005]"),
      ("let x = a || b", "t.verdant:1:11: error: unexpected character `||` [V1001]"),
      ("let x = 价", "t.verdant:1:9: error: unexpected character `价` [V1001]"),
    ])
  func lexicalErrors(text: String, expected: String) {
    #expect(lexDiagnostics(text) == [expected])
  }
}
