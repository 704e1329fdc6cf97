extension Lexer {
  // MARK: - Numbers, percents and dates

  /// Lexes `42`, `1_000_000`, `0.35`, `12.5%` or a date `2025-07-01`.
  mutating func lexNumber() -> Token {
    let start = position
    if let date = lexDateIfPresent(start) { return date }
    scanDigits()
    var kind = TokenKind.integer
    if peek(0) == UInt8(ascii: "."), let after = peek(1),
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(after)
    {
      position += 1
      scanDigits()
      kind = .decimal
    }
    if peek(0) == UInt8(ascii: "%") {
      position += 1
      kind = .percent
    }
    let digitsEnd = kind == .percent ? position - 1 : position
    let text = bytes[start..<digitsEnd]
    if text.contains(UInt8(ascii: "_")), !Self.underscoresAreWellPlaced(text) {
      diagnostics.report(.misplacedUnderscore(at: span(start, position)))
    }
    if let byte = peek(0), Self.isIdentifierByte(byte), kind != .percent {
      // `12abc`: a number glued to a word. Consume the word so the error names all of it.
      while let next = peek(0), Self.isIdentifierByte(next) { position += 1 }
      diagnostics.report(.invalidNumber(at: span(start, position)))
      return make(.invalid, from: start)
    }
    return make(kind, from: start)
  }

  private mutating func scanDigits() {
    while let byte = peek(0),
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    {
      position += 1
    }
  }

  /// Underscores may only separate digits: `1_000` but not `1__000`, `_1` or `1._5`.
  private static func underscoresAreWellPlaced(_ text: ArraySlice<UInt8>) -> Bool {
    var previous: UInt8?
    for byte in text {
      if byte == UInt8(ascii: "_") {
        guard let before = previous, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(before)
        else { return false }
      }
      if byte == UInt8(ascii: "."), previous == UInt8(ascii: "_") { return false }
      previous = byte
    }
    return previous != UInt8(ascii: "_")
  }

  /// Recognises `DDDD-DD-DD` not followed by another word character.
  private mutating func lexDateIfPresent(_ start: Int) -> Token? {
    let pattern: [Bool] = [true, true, true, true, false, true, true, false, true, true]
    guard start + pattern.count <= bytes.count else { return nil }
    for (offset, isDigit) in pattern.enumerated() {
      let byte = bytes[start + offset]
      let matches =
        isDigit
        ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == UInt8(ascii: "-")
      if !matches { return nil }
    }
    let end = start + pattern.count
    if end < bytes.count, Self.isIdentifierByte(bytes[end]) { return nil }
    position = end
    return make(.date, from: start)
  }

  // MARK: - Strings

  /// Lexes a string literal with escapes `\"`, `\\`, `\n`, `\t`, `\r` and `\u{…}`.
  mutating func lexString() -> Token {
    let start = position
    position += 1
    var value: [UInt8] = []
    while true {
      guard let byte = peek(0), byte != UInt8(ascii: "\n") else {
        diagnostics.report(.unterminatedString(at: span(start, position)))
        return make(.string, from: start, stringValue: String(decoding: value, as: UTF8.self))
      }
      position += 1
      if byte == UInt8(ascii: "\"") { break }
      if byte != UInt8(ascii: "\\") {
        value.append(byte)
        continue
      }
      let escapeStart = position - 1
      guard let escaped = peek(0) else { continue }
      position += 1
      switch escaped {
      case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
      case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
      case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
      case UInt8(ascii: "u") where peek(0) == UInt8(ascii: "{"):
        position += 1
        let digitsStart = position
        while let hex = peek(0), hex != UInt8(ascii: "}"), hex != UInt8(ascii: "\""),
          position - digitsStart < 8
        {
          position += 1
        }
        let digits = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
        if peek(0) == UInt8(ascii: "}") { position += 1 }
        if let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) {
          value += Array(String(scalar).utf8)
        } else {
          diagnostics.report(.invalidEscape(at: span(escapeStart, position)))
        }
      default:
        diagnostics.report(.invalidEscape(at: span(escapeStart, position)))
      }
    }
    return make(.string, from: start, stringValue: String(decoding: value, as: UTF8.self))
  }
}
