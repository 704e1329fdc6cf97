import VerdantValues

/// Converts the text selected for a field into a value of the field's declared type, exactly
/// (numbers never pass through binary floating point).
struct ValueConverter {
  /// Why a text could not be converted.
  struct Failure: Error {
    /// What is wrong with the text, shown under the caret (may be `nil`).
    let reason: String?
    /// How to write the value instead.
    let help: String
  }

  /// The hierarchy region codes are resolved in.
  let regions: RegionHierarchy

  /// Converts a non-empty text to a non-optional type.
  /// - Parameters:
  ///   - text: The selected text (attribute values as written, element text trimmed).
  ///   - type: The declared type without its optional marker.
  func convert(_ text: String, to type: ValueType) -> Result<Value, Failure> {
    switch type {
    case .text:
      return .success(.text(text))
    case .int:
      let trimmed = Self.trimmed(text)
      guard let value = Int64(trimmed) else {
        return .failure(Failure(reason: nil, help: "write a whole number such as `42`"))
      }
      return .success(.int(value))
    case .decimal:
      return decimal(Self.trimmed(text)).map(Value.decimal)
    case .percent:
      var number = Self.trimmed(text)
      if number.hasSuffix("%") { number = Self.trimmed(String(number.dropLast())) }
      return decimal(number, help: "write a percentage such as `12.5` or `12.5%`")
        .map(Value.percent)
    case .money(let currency):
      return money(Self.trimmed(text), currency: currency)
    case .date:
      guard let date = CivilDate(iso8601: Self.trimmed(text)) else {
        return .failure(
          Failure(reason: nil, help: "write dates as `YYYY-MM-DD`, e.g. `2025-07-01`"))
      }
      return .success(.date(date))
    case .bool:
      switch Self.trimmed(text) {
      case "true", "1": return .success(.bool(true))
      case "false", "0": return .success(.bool(false))
      default:
        return .failure(Failure(reason: nil, help: "write `true`, `false`, `1` or `0`"))
      }
    case .duration:
      guard let duration = ValueDecoder.parseDuration(Self.trimmed(text)) else {
        return .failure(
          Failure(reason: nil, help: "write a count and a unit, e.g. `30 days` or `1 year`"))
      }
      return .success(.duration(duration))
    case .enumeration(let enumType):
      let name = Self.trimmed(text)
      guard let ordinal = enumType.ordinal(of: name) else {
        var help = "use one of the cases: \(enumType.cases.joined(separator: ", "))"
        if let suggestion = NameSuggestion.closest(to: name, among: enumType.cases) {
          help = "did you mean `\(suggestion)`? (\(help))"
        }
        return .failure(Failure(reason: nil, help: help))
      }
      return .success(.enumCase(EnumCase(type: enumType, ordinal: ordinal)))
    case .region:
      let code = Self.trimmed(text)
      guard let index = regions.index(of: code) else {
        var help = "declare the region in the ruleset's `regions` block"
        if let suggestion = NameSuggestion.closest(to: code, among: regions.codes) {
          help = "did you mean `\(suggestion)`? (or \(help))"
        }
        return .failure(Failure(reason: "not a declared region", help: help))
      }
      return .success(.region(Region(hierarchy: regions, index: index)))
    case .optional(let wrapped):
      return convert(text, to: wrapped)
    case .record, .list, .set, .error:
      return .failure(
        Failure(
          reason: nil,
          help: "catalog fields hold single values: Text, numbers, money, dates, enums, regions"))
    }
  }

  /// Converts text given as UTF-8 bytes, trying allocation-free parsers for the common types
  /// first (an import converts millions of values) and falling back to ``convert(_:to:)``.
  /// - Parameters:
  ///   - bytes: Valid UTF-8 (libxml2 guarantees it), only borrowed for the call.
  ///   - type: The declared type without its optional marker.
  @inline(__always)
  func convert(bytes: UnsafeBufferPointer<UInt8>, to type: ValueType) -> Result<Value, Failure> {
    switch type {
    case .text:
      return .success(.text(String(decoding: bytes, as: UTF8.self)))
    case .decimal:
      if let value = Self.fastDecimal(Self.trimmed(bytes)) { return .success(.decimal(value)) }
    case .date:
      if let value = Self.fastDate(Self.trimmed(bytes)) { return .success(.date(value)) }
    case .int:
      if let value = Self.fastInt(Self.trimmed(bytes)) { return .success(.int(value)) }
    default:
      break
    }
    return convert(String(decoding: bytes, as: UTF8.self), to: type)
  }

  /// The bytes without leading and trailing XML whitespace.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, XMLNodes.isXMLWhitespace(bytes[start]) { start += 1 }
    while end > start, XMLNodes.isXMLWhitespace(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Parses the shape nearly every catalog number has, without allocating.
  ///
  /// That is `-?digits(.digits)?` with no leading zeros, up to 20 integer and 18 fraction
  /// digits. Anything else (exponents, `+`, errors) returns `nil` and goes to
  /// `ExactDecimal(parsing:)`, which decides and explains.
  static func fastDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    let count = bytes.count
    var index = 0
    var negative = false
    if index < count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var units: Int128 = 0
    let integerStart = index
    while index < count, bytes[index] &- 0x30 < 10 {
      units = units &* 10 &+ Int128(bytes[index] &- 0x30)
      index += 1
    }
    let integerDigits = index - integerStart
    guard integerDigits > 0, integerDigits <= 20,
      integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0")
    else { return nil }
    var fractionDigits = 0
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fractionStart = index
      while index < count, bytes[index] &- 0x30 < 10 {
        units = units &* 10 &+ Int128(bytes[index] &- 0x30)
        index += 1
      }
      fractionDigits = index - fractionStart
      guard fractionDigits > 0, fractionDigits <= ExactDecimal.fractionDigits else { return nil }
    }
    guard index == count else { return nil }
    // At most 38 digits in all, so the scaled value stays below 10^38 < Int128.max.
    for _ in fractionDigits..<ExactDecimal.fractionDigits { units = units &* 10 }
    return ExactDecimal(units: negative ? -units : units)
  }

  /// A percentage as ``fastDecimal(_:)`` reads it, optionally followed by `%` (and
  /// whitespace before it), in percent units.
  static func fastPercent(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    guard let last = bytes.last, last == UInt8(ascii: "%") else { return fastDecimal(bytes) }
    return fastDecimal(trimmed(UnsafeBufferPointer(rebasing: bytes.dropLast())))
  }

  /// `YYYY-MM-DD` read straight from the bytes (`nil` for any other shape or no such day).
  static func fastDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = bytes[index] &- 0x30
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    return CivilDate(year: year, month: month, day: day)
  }

  /// An optionally negative run of at most 18 digits (always fits in `Int64`).
  static func fastInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var index = 0
    var negative = false
    if bytes.count > 1, bytes[0] == UInt8(ascii: "-") {
      negative = true
      index = 1
    }
    guard bytes.count > index, bytes.count - index <= 18 else { return nil }
    var value: Int64 = 0
    while index < bytes.count {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int64(digit)
      index += 1
    }
    return negative ? -value : value
  }

  /// Parses an exact decimal.
  private func decimal(
    _ text: String, help: String = "write a decimal number with a `.` and no grouping, e.g. `0.05`"
  ) -> Result<ExactDecimal, Failure> {
    do {
      return .success(try ExactDecimal(parsing: text))
    } catch {
      return .failure(Failure(reason: error.description, help: help))
    }
  }

  /// Parses `12.5` (when the currency is declared) or `12.5 CNY`.
  private func money(_ text: String, currency expected: Currency?) -> Result<Value, Failure> {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    let help: String
    if let expected {
      help = "write an amount in \(expected.code), e.g. `1200.50` or `1200.50 \(expected.code)`"
    } else {
      help = "write an amount and a currency code, e.g. `1200.50 CNY`"
    }
    let amountText: Substring
    let currency: Currency
    switch (parts.count, expected) {
    case (1, let expected?):
      amountText = parts[0]
      currency = expected
    case (2, _):
      guard let code = Currency(code: parts[1]) else {
        return .failure(Failure(reason: "`\(parts[1])` is not a currency code", help: help))
      }
      if let expected, expected != code {
        return .failure(Failure(reason: "the amount is in \(code.code)", help: help))
      }
      amountText = parts[0]
      currency = code
    default:
      return .failure(Failure(reason: nil, help: help))
    }
    return decimal(String(amountText), help: help).map {
      Value.money(Money(amount: $0, currency: currency))
    }
  }

  /// The text without leading and trailing XML whitespace (returned as is when there is none).
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last,
      XMLNodes.isXMLWhitespace(first) || XMLNodes.isXMLWhitespace(last)
    else { return text }
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, XMLNodes.isXMLWhitespace(utf8[start]) { start = utf8.index(after: start) }
    while end > start, XMLNodes.isXMLWhitespace(utf8[utf8.index(before: end)]) {
      end = utf8.index(before: end)
    }
    return String(text[start..<end])
  }
}
