import VerdantValues

/// Reads snapshot values from a byte buffer, checking every length and kind against the
/// mapping's field types; any inconsistency is reported as corruption.
struct SnapshotDecoder {
  /// Why decoding stopped.
  struct Failure: Error {
    /// What was wrong, for ``CatalogSnapshotError/corrupt(path:reason:)``.
    let reason: String
    /// Whether the problem is a region code the mapping no longer declares (a stale mapping,
    /// not damage).
    var isUnknownRegion = false
  }

  let bytes: UnsafeRawBufferPointer
  /// The read position.
  private(set) var offset: Int
  private var texts: [String] = []

  /// Creates a decoder over bytes, starting at `offset`.
  init(bytes: UnsafeRawBufferPointer, offset: Int) {
    self.bytes = bytes
    self.offset = offset
  }

  @inline(__always)
  mutating func byte() throws(Failure) -> UInt8 {
    guard offset < bytes.count else { throw Failure(reason: "unexpected end of data") }
    let value = bytes[offset]
    offset += 1
    return value
  }

  mutating func fixed(width: Int) throws(Failure) -> UInt64 {
    var value: UInt64 = 0
    for shift in 0..<width { value |= UInt64(try byte()) << (8 * UInt64(shift)) }
    return value
  }

  @inline(__always)
  mutating func varint() throws(Failure) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw Failure(reason: "an integer is too long") }
      value |= UInt64(next & 0x7F) << shift
      if next < 0x80 { return value }
      shift += 7
    }
  }

  mutating func varint128() throws(Failure) -> UInt128 {
    var value: UInt128 = 0
    var shift: UInt128 = 0
    while true {
      let next = try byte()
      guard shift < 128 else { throw Failure(reason: "an integer is too long") }
      value |= UInt128(next & 0x7F) << shift
      if next < 0x80 { return value }
      shift += 7
    }
  }

  mutating func signed() throws(Failure) -> Int64 {
    let raw = try varint()
    return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
  }

  mutating func signed128() throws(Failure) -> Int128 {
    let raw = try varint128()
    return Int128(bitPattern: raw >> 1) ^ -Int128(bitPattern: raw & 1)
  }

  /// A count that must be plausible for the remaining bytes (each item needs a byte).
  mutating func count() throws(Failure) -> Int {
    let value = try varint()
    guard value <= UInt64(bytes.count - offset) else {
      throw Failure(reason: "a count exceeds the data")
    }
    return Int(value)
  }

  /// A length-prefixed UTF-8 string.
  mutating func string() throws(Failure) -> String {
    let length = try count()
    let start = offset
    offset += length
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
  }

  /// A text (new, repeated or long), whose kind byte has been read.
  private mutating func text(kind: UInt8) throws(Failure) -> String {
    switch SnapshotValueKind(rawValue: kind) {
    case .newText:
      let text = try string()
      texts.append(text)
      return text
    case .repeatedText:
      let index = try varint()
      guard index < UInt64(texts.count) else {
        throw Failure(reason: "a text index is out of range")
      }
      return texts[Int(index)]
    case .longText:
      return try string()
    default:
      throw Failure(reason: "expected a text")
    }
  }

  /// A decimal from its zigzag-encoded units.
  private mutating func decimal() throws(Failure) -> ExactDecimal {
    let units = try signed128()
    guard units != .min, units.magnitude <= ExactDecimal.maximum.units.magnitude else {
      throw Failure(reason: "a decimal is out of range")
    }
    return ExactDecimal(units: units)
  }

  /// One field value of a declared type.
  mutating func value(of type: ValueType, regions: RegionHierarchy) throws(Failure) -> Value {
    let kind = try byte()
    if kind == SnapshotValueKind.absent.rawValue {
      guard type.isOptional else { throw mismatch(type) }
      return .absent
    }
    switch (type.unwrapped, SnapshotValueKind(rawValue: kind)) {
    case (.text, .newText), (.text, .repeatedText), (.text, .longText):
      return .text(try text(kind: kind))
    case (.int, .int):
      return .int(try signed())
    case (.decimal, .decimal):
      return .decimal(try decimal())
    case (.percent, .percent):
      return .percent(try decimal())
    case (.money(let expected), .money):
      let letters = [try byte(), try byte(), try byte()]
      guard let currency = Currency(code: String(decoding: letters, as: UTF8.self)),
        expected == nil || expected == currency
      else { throw Failure(reason: "a currency code is invalid") }
      return .money(Money(amount: try decimal(), currency: currency))
    case (.date, .date):
      let days = try signed()
      guard let small = Int32(exactly: days), let date = CivilDate(daysSinceEpoch: small) else {
        throw Failure(reason: "a date is out of range")
      }
      return .date(date)
    case (.duration, .duration):
      let units: [CalendarDuration.Unit] = [.days, .weeks, .months, .years]
      let unit = Int(try byte())
      guard unit < units.count else { throw Failure(reason: "a duration unit is invalid") }
      return .duration(CalendarDuration(amount: try signed(), unit: units[unit]))
    case (.bool, .boolTrue): return .bool(true)
    case (.bool, .boolFalse): return .bool(false)
    case (.enumeration(let enumType), .enumCase):
      let ordinal = try varint()
      guard ordinal < UInt64(enumType.cases.count) else {
        throw Failure(reason: "an enum case is out of range")
      }
      return .enumCase(EnumCase(type: enumType, ordinal: Int(ordinal)))
    case (.region, .region):
      let code = try text(kind: try byte())
      guard let index = regions.index(of: code) else {
        throw Failure(reason: "region `\(code)` is not declared", isUnknownRegion: true)
      }
      return .region(Region(hierarchy: regions, index: index))
    default:
      throw mismatch(type)
    }
  }

  private func mismatch(_ type: ValueType) -> Failure {
    Failure(reason: "a stored value does not match its field type \(type)")
  }
}
