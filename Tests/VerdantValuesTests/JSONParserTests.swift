import Testing

@testable import VerdantValues

/// The error a parse of `bytes` throws, or `nil` if it succeeds.
private func parseError(_ bytes: [UInt8], maximumDepth: Int = 512) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(bytes, maximumDepth: maximumDepth)
    return nil
  } catch {
    return error
  }
}

@Suite("JSONParser")
struct JSONParserTests {
  struct ErrorCase: Sendable, CustomStringConvertible {
    let input: [UInt8]
    let message: String
    let line: Int
    let column: Int
    let offset: Int

    init(_ text: String, _ message: String, _ line: Int, _ column: Int, _ offset: Int) {
      self.init(bytes: Array(text.utf8), message, line, column, offset)
    }

    init(bytes: [UInt8], _ message: String, _ line: Int, _ column: Int, _ offset: Int) {
      self.input = bytes
      self.message = message
      self.line = line
      self.column = column
      self.offset = offset
    }

    var description: String { String(decoding: input, as: UTF8.self) }
  }

  static let lowSurrogateExpected = "expected a low surrogate escape (`\\uDC00` to `\\uDFFF`) after"
  static let badEscape =
    "invalid escape sequence, expected one of `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, "
    + "`\\r`, `\\t` or `\\u`"

  static let errorCases: [ErrorCase] = [
    // Structure.
    ErrorCase("", "unexpected end of input, expected a value", 1, 1, 0),
    ErrorCase("   ", "unexpected end of input, expected a value", 1, 4, 3),
    ErrorCase("[", "unexpected end of input, expected a value", 1, 2, 1),
    ErrorCase("[1", "expected `,` or `]` after an array element", 1, 3, 2),
    ErrorCase("[1 2]", "expected `,` or `]` after an array element", 1, 4, 3),
    ErrorCase("[1,,2]", "expected a value", 1, 4, 3),
    ErrorCase("[1,2,]", "expected a value after `,` (trailing commas are not allowed)", 1, 6, 5),
    ErrorCase("{", "expected a string key or `}`", 1, 2, 1),
    ErrorCase("{1:2}", "expected a string key or `}`", 1, 2, 1),
    ErrorCase("{'a':1}", "expected a string key or `}`", 1, 2, 1),
    ErrorCase("{\"a\"", "expected `:` after an object key", 1, 5, 4),
    ErrorCase("{\"a\" 1}", "expected `:` after an object key", 1, 6, 5),
    ErrorCase("{\"a\":", "unexpected end of input, expected a value", 1, 6, 5),
    ErrorCase("{\"a\":}", "expected a value", 1, 6, 5),
    ErrorCase("{\"a\":1 \"b\":2}", "expected `,` or `}` after an object member", 1, 8, 7),
    ErrorCase(
      "{\"a\":1,}",
      "expected a string key after `,` (trailing commas are not allowed)", 1, 8, 7),
    ErrorCase("{\"a\":1,2}", "expected a string key after `,`", 1, 8, 7),
    ErrorCase("{\"a\":1,\"a\":2}", "duplicate key `a`", 1, 8, 7),
    ErrorCase("{\"a\":1,\"\\u0061\":2}", "duplicate key `a`", 1, 8, 7),
    ErrorCase("[1]x", "expected end of input after the JSON value", 1, 4, 3),
    ErrorCase("[1] // c", "expected end of input after the JSON value", 1, 5, 4),
    ErrorCase("\"a\"\"b\"", "expected end of input after the JSON value", 1, 4, 3),
    ErrorCase("1 2", "expected end of input after the JSON value", 1, 3, 2),
    ErrorCase("// c\n1", "expected a value (comments are not allowed)", 1, 1, 0),
    ErrorCase("[/* c */]", "expected a value (comments are not allowed)", 1, 2, 1),
    // Literals.
    ErrorCase("[NaN]", "expected a value", 1, 2, 1),
    ErrorCase("Infinity", "expected a value", 1, 1, 0),
    ErrorCase("True", "expected a value", 1, 1, 0),
    ErrorCase("'a'", "expected a value", 1, 1, 0),
    ErrorCase("tru", "expected a value (did you mean `true`?)", 1, 1, 0),
    ErrorCase("[nul]", "expected a value (did you mean `null`?)", 1, 2, 1),
    ErrorCase("falsy", "expected a value (did you mean `false`?)", 1, 1, 0),
    ErrorCase("nullx", "expected end of input after the JSON value", 1, 5, 4),
    // Numbers.
    ErrorCase("-Infinity", "expected a digit after `-`", 1, 2, 1),
    ErrorCase("-", "expected a digit after `-`", 1, 2, 1),
    ErrorCase("01", "leading zeros are not allowed in numbers", 1, 1, 0),
    ErrorCase("[-01]", "leading zeros are not allowed in numbers", 1, 2, 1),
    ErrorCase("1.", "expected a digit after the decimal point", 1, 3, 2),
    ErrorCase("1.e5", "expected a digit after the decimal point", 1, 3, 2),
    ErrorCase(".5", "expected a value", 1, 1, 0),
    ErrorCase("+1", "expected a value", 1, 1, 0),
    ErrorCase("1e", "expected a digit in the exponent", 1, 3, 2),
    ErrorCase("1e+", "expected a digit in the exponent", 1, 4, 3),
    ErrorCase("0x1F", "expected end of input after the JSON value", 1, 2, 1),
    // Strings.
    ErrorCase("\"abc", "unterminated string, expected `\"`", 1, 5, 4),
    ErrorCase("\"abc\\", "unterminated string, expected `\"`", 1, 6, 5),
    ErrorCase("\"a\nb\"", "control character U+000A must be escaped in a string", 1, 3, 2),
    ErrorCase("\"a\tb\"", "control character U+0009 must be escaped in a string", 1, 3, 2),
    ErrorCase("\"\u{1F}\"", "control character U+001F must be escaped in a string", 1, 2, 1),
    ErrorCase("\"\\x\"", badEscape, 1, 2, 1),
    ErrorCase("\"\\'\"", badEscape, 1, 2, 1),
    ErrorCase("\"\\u12\"", "expected 4 hexadecimal digits after `\\u`", 1, 2, 1),
    ErrorCase("\"\\u12G4\"", "expected 4 hexadecimal digits after `\\u`", 1, 2, 1),
    ErrorCase("\"\\uD83D\"", lowSurrogateExpected + " `\\uD83D`", 1, 2, 1),
    ErrorCase("\"x\\ud83d\\u0041\"", lowSurrogateExpected + " `\\ud83d`", 1, 3, 2),
    ErrorCase("\"\\uD800\\uD800\"", lowSurrogateExpected + " `\\uD800`", 1, 2, 1),
    ErrorCase("\"\\uDE00\"", "unpaired low surrogate `\\uDE00`", 1, 2, 1),
    // Invalid UTF-8, inside and outside strings; columns count scalars, not bytes.
    ErrorCase(bytes: [0x22, 0xFF, 0x22], "invalid UTF-8 byte sequence", 1, 2, 1),
    ErrorCase(bytes: [0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte sequence", 1, 2, 1),
    ErrorCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 byte sequence", 1, 2, 1),
    ErrorCase(bytes: [0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 byte sequence", 1, 2, 1),
    ErrorCase(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 byte sequence", 1, 2, 1),
    ErrorCase(
      bytes: Array("[\"éé\", ".utf8) + [0xC3, 0x28, 0x5D],
      "invalid UTF-8 byte sequence", 1, 8, 9),
    ErrorCase(bytes: Array("[\"😀\", 1".utf8) + [0x80], "invalid UTF-8 byte sequence", 1, 8, 10),
    ErrorCase("[\"é\", é]", "expected a value", 1, 7, 7),
    // Positions across lines; a byte order mark is not a column.
    ErrorCase("{\n  \"a\": 1,\n  \"b\" 2\n}", "expected `:` after an object key", 3, 7, 18),
    ErrorCase(
      "[\r\n1,\r\n2,\r\n]",
      "expected a value after `,` (trailing commas are not allowed)", 4, 1, 11),
    ErrorCase(
      "\u{FEFF}[1,]",
      "expected a value after `,` (trailing commas are not allowed)", 1, 4, 6),
    ErrorCase("\u{FEFF}", "unexpected end of input, expected a value", 1, 1, 3),
    ErrorCase("\u{FEFF}\u{FEFF}1", "expected a value", 1, 1, 3),
  ]

  @Test(arguments: errorCases)
  func rejectsWithMessageAndPosition(testCase: ErrorCase) throws {
    let error = try #require(parseError(testCase.input))
    #expect(error.message == testCase.message)
    #expect(error.line == testCase.line)
    #expect(error.column == testCase.column)
    #expect(error.offset == testCase.offset)
  }

  @Test func errorDescriptionLeadsWithThePosition() {
    let error = parseError(Array("{\n\n    \"key\": 1 \"next\": 2}".utf8))
    #expect(error?.description == "line 3, column 14: expected `,` or `}` after an object member")
  }

  @Test(arguments: [
    "0", "-0", "0.1", "1e400", "-12.50e-3", "1E+2", "123456789012345678901234567890",
    "0.000000000000000000000001", "2e-400",
  ])
  func keepsNumbersAsSourceText(text: String) throws {
    #expect(try JSONParser.parse(text) == .number(text))
    #expect(try JSONParser.parse("[\(text)]") == .array([.number(text)]))
  }

  @Test func parsesLiteralsAndWhitespace() throws {
    #expect(try JSONParser.parse(" \t\r\n true \n") == .bool(true))
    #expect(try JSONParser.parse("false") == .bool(false))
    #expect(try JSONParser.parse("null") == .null)
    #expect(try JSONParser.parse("[]") == .array([]))
    #expect(try JSONParser.parse("{ }") == .object(JSONObject()))
    #expect(try JSONParser.parse("\u{FEFF}[1]") == .array([.number("1")]))
  }

  @Test func parsesNestedStructures() throws {
    let value = try JSONParser.parse(
      #"{"z":[1,{"b":null,"c":[]}],"a":"x","m":{"a":{"a":true}}}"#)
    let inner = JSONObject([("b", .null), ("c", .array([]))])
    let nested = JSONObject([("a", .object(JSONObject([("a", .bool(true))])))])
    let expected = JSONObject([
      ("z", .array([.number("1"), .object(inner)])), ("a", .string("x")),
      ("m", .object(nested)),
    ])
    #expect(value == .object(expected))
    guard case .object(let object) = value else {
      Issue.record("expected an object")
      return
    }
    #expect(object.keys == ["z", "a", "m"])
    #expect(object["a"] == .string("x"))
    #expect(object["missing"] == nil)
  }

  @Test(arguments: [
    (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
    (#""\u00e9\u00E9""#, "éé"),
    (#""\uD83D\uDE00""#, "😀"),
    (#""\ud83d\ude00!""#, "😀!"),
    (#""\u0000""#, "\u{0}"),
    (#""\u20AC 5""#, "€ 5"),
    (#""é😀 plain""#, "é😀 plain"),
    (#""é\n😀""#, "é\n😀"),
    ("\"\u{7F}\"", "\u{7F}"),
    (#""""#, ""),
    (#""a/b""#, "a/b"),
  ])
  func decodesStrings(json: String, expected: String) throws {
    #expect(try JSONParser.parse(json) == .string(expected))
  }

  @Test func acceptsAnyByteCollection() throws {
    let text = #"{"a":[1,2.5]}"#
    let expected = JSONValue.object(
      JSONObject([("a", .array([.number("1"), .number("2.5")]))]))
    #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    #expect(try JSONParser.parse(Array(("  " + text).utf8).dropFirst(2)) == expected)
    #expect(try JSONParser.parse(text.utf8.lazy.map { $0 }) == expected)
    #expect(try JSONParser.parse(text) == expected)
  }

  @Test func nestingDepthLimit() throws {
    let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(throws: Never.self) { try JSONParser.parse(deepest) }
    let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    let error = try #require(parseError(Array(tooDeep.utf8)))
    #expect(error.message == "nesting deeper than the maximum depth of 512")
    #expect(error.offset == 512)
    #expect(error.column == 513)
    let shallow = parseError(Array(#"{"a":[{"b":1}]}"#.utf8), maximumDepth: 2)
    #expect(shallow?.message == "nesting deeper than the maximum depth of 2")
    #expect(shallow?.offset == 6)
    #expect(parseError(Array("[[1]]".utf8), maximumDepth: 2) == nil)
    #expect(parseError(Array("7".utf8), maximumDepth: 0) == nil)
  }

  @Test func deepInputNeverOverflowsTheStack() throws {
    // Far deeper than any thread stack would allow a recursive parser to go.
    let opened = [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
    let error = try #require(parseError(opened, maximumDepth: .max))
    #expect(error.message == "unexpected end of input, expected a value")
    #expect(error.offset == 200_000)
    let nested = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
    var value = try JSONParser.parse(nested, maximumDepth: 10_000)
    var depth = 0
    while case .array(let elements) = value, let first = elements.first {
      value = first
      depth += 1
    }
    #expect(depth == 4_999)
  }
}
