import Testing

@testable import VerdantValues

@Suite("JSONWriter")
struct JSONWriterTests {
  static let sample = JSONValue.object(
    JSONObject([
      ("a", .number("1")), ("b", .array([.bool(true), .null])), ("c", .object(JSONObject())),
      ("d", .array([])), ("e", .object(JSONObject([("f", .string("g"))]))),
    ]))

  @Test func compact() {
    #expect(
      JSONWriter.string(Self.sample)
        == #"{"a":1,"b":[true,null],"c":{},"d":[],"e":{"f":"g"}}"#)
  }

  @Test func pretty() {
    let expected = """
      {
        "a": 1,
        "b": [
          true,
          null
        ],
        "c": {},
        "d": [],
        "e": {
          "f": "g"
        }
      }
      """
    #expect(JSONWriter.string(Self.sample, pretty: true) == expected)
  }

  @Test(arguments: [
    (JSONValue.null, "null"), (.bool(false), "false"), (.number("1e400"), "1e400"),
    (.number("0.10"), "0.10"), (.number("-0"), "-0"), (.string(""), #""""#),
    (.array([.number("1")]), "[1]"),
  ])
  func scalarsAndVerbatimNumbers(value: JSONValue, expected: String) {
    #expect(JSONWriter.string(value) == expected)
    #expect(JSONWriter.string(value, pretty: true) == expected.replacingFirstElement())
  }

  @Test(arguments: [
    ("quote \" backslash \\", #""quote \" backslash \\""#),
    ("\n\t\r\u{08}\u{0C}", #""\n\t\r\b\f""#),
    ("\u{0}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
    ("a/b é 😀 \u{7F}", "\"a/b é 😀 \u{7F}\""),
  ])
  func escapesOnlyWhatRFC8259Requires(text: String, expected: String) {
    #expect(JSONWriter.string(.string(text)) == expected)
    #expect(JSONWriter.string(.object(JSONObject([(text, .null)]))) == "{\(expected):null}")
  }

  @Test func roundTrips() throws {
    let source = #"{"id":"a\"b\\c\n","n":[0.1,1e400,-0,{"x":null}],"u":"é😀\u0001"}"#
    let value = try JSONParser.parse(source)
    // The source is already compact and uses only the escapes the writer produces.
    #expect(JSONWriter.string(value) == source)
    #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    #expect(try JSONParser.parse(JSONWriter.string(value, pretty: true)) == value)
    #expect(try JSONParser.parse(JSONWriter.string(Self.sample, pretty: true)) == Self.sample)
  }
}

extension String {
  /// Scalars and single-element arrays differ between the two styles only for arrays.
  fileprivate func replacingFirstElement() -> String {
    self == "[1]" ? "[\n  1\n]" : self
  }
}
