import Testing
import VerdantValues

@Suite("Text values (CSV cells)")
struct TextValueParserTests {
  let parser = TextValueParser()

  func parse(_ text: String, _ type: ValueType) -> String {
    switch parser.parse(text, as: type) {
    case .success(let value): return value.description
    case .failure(let error): return "error: \(error.message)"
    }
  }

  @Test("numbers, percents and money are read exactly from their text")
  func numbers() {
    #expect(parse(" 12.50 ", .decimal) == "12.5")
    #expect(parse("0.1", .decimal) == "0.1")
    #expect(parse("92.5%", .percent) == "92.5%")
    #expect(parse("92.5", .percent) == "92.5%")
    #expect(parse("1200.50 CNY", .money(nil)) == "1200.5 CNY")
    #expect(parse("1200.50", .money(Currency(code: "CNY"))) == "1200.5 CNY")
    #expect(parse("1200.50", .money(nil)) == "error: `1200.50` is not money (write 1200.50 CNY)")
    #expect(parse("5 USD", .money(Currency(code: "CNY"))) == "error: `5 USD` is not an amount in CNY")
    #expect(
      parse("0,05", .decimal)
        == "error: `0,05` is not a Decimal (write numbers with a `.` decimal point and no thousands separators: 1200000.5)")
    #expect(
      parse("1,200,000", .money(Currency(code: "CNY")))
        == "error: `1,200,000` is not an amount in CNY (write numbers with a `.` decimal point and no thousands separators: 1200000.5)")
    #expect(parse("9223372036854775808", .int) == "error: `9223372036854775808` is not an Int")
  }

  @Test("Bools accept true/false, yes/no and 1/0 in any letter case")
  func bools() {
    #expect(parse("TRUE", .bool) == "true")
    #expect(parse("No", .bool) == "false")
    #expect(parse("1", .bool) == "true")
    #expect(parse("y", .bool) == "error: `y` is not a Bool (write true or false)")
  }

  @Test("enum cases are suggested when misspelt; blanks are absent only when optional")
  func enumsAndBlanks() {
    let level = EnumType(name: "Level", cases: ["green", "blue", "yellow", "red"])
    #expect(parse("blue", .enumeration(level)) == "blue")
    #expect(parse("bleu", .enumeration(level)) == "error: `bleu` is not a case of Level; did you mean `blue`?")
    #expect(parse("  ", .optional(.date)) == "absent")
    #expect(parse("", .date) == "error: no value (expected Date)")
    #expect(parse("2025-02-30", .date) == "error: `2025-02-30` is not a date (write YYYY-MM-DD)")
  }

  @Test("lists and sets are separated by semicolons")
  func collections() {
    #expect(parse("ISO 14001; GB/T 19630", .list(.text)) == #"["ISO 14001", "GB/T 19630"]"#)
    #expect(parse("1;x", .list(.int)) == "error: `x` is not an Int")
  }

  @Test("trimming removes ASCII white space only at the ends")
  func trimming() {
    #expect(TextValueParser.trimmed("\t a b \r\n") == "a b")
    #expect(TextValueParser.trimmed("") == "")
    #expect(TextValueParser.isBlank(" \t"))
    #expect(!TextValueParser.isBlank(" x "))
  }
}

@Suite("CSV records")
struct CSVRecordTests {
  func split(_ text: String) -> String {
    switch CSVFields.split(Array(text.utf8)[...]) {
    case .success(let fields): return fields.map { "[\($0)]" }.joined()
    case .failure(let error): return "error: \(error)"
    }
  }

  @Test("fields split on commas outside quotes; doubled quotes are literal")
  func fields() {
    #expect(split("a,b,,c") == "[a][b][][c]")
    #expect(split(#""a,b","say ""hi""",x"#) == #"[a,b][say "hi"][x]"#)
    #expect(split("a,") == "[a][]")
    #expect(split(#"5" tall,x"#) == #"[5" tall][x]"#)
    #expect(split(#""a"b"#) == "error: field 1: text after the closing quote")
    #expect(split("\"open") == "error: field 1: quoted field is never closed")
  }

  @Test("invalid UTF-8 in a field is reported, not repaired")
  func invalidUTF8() {
    #expect(CSVFields.split([0x61, 0x2C, 0xFF][...]).failureDescription == "field 2: not valid UTF-8")
  }
}

extension Result where Failure: CustomStringConvertible {
  fileprivate var failureDescription: String? {
    if case .failure(let error) = self { return error.description }
    return nil
  }
}
