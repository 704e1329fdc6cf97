import VerdantValues

/// The kinds of value in a snapshot row, one byte before each value.
enum SnapshotValueKind: UInt8 {
  case absent = 0
  case boolFalse = 1
  case boolTrue = 2
  case int = 3
  case decimal = 4
  case percent = 5
  case money = 6
  /// A text seen for the first time; it joins the text table.
  case newText = 7
  /// A text seen before: its index in the text table.
  case repeatedText = 8
  case date = 9
  case duration = 10
  case enumCase = 11
  /// A region, followed by its code as a text (`newText` or `repeatedText`).
  case region = 12
  /// A long text, stored once and not added to the table.
  case longText = 13
}

/// Appends snapshot values to a byte buffer: LEB128 varints, zigzag for signed numbers,
/// texts as UTF-8 with repeats stored once.
struct SnapshotEncoder {
  /// Texts longer than this are not deduplicated (they rarely repeat).
  static let longTextLength = 256

  /// The bytes so far.
  private(set) var bytes: [UInt8] = []
  private var texts: [String: Int] = [:]

  /// The number of bytes so far.
  var count: Int { bytes.count }

  /// Creates an encoder with room reserved.
  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  mutating func append(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

  /// A fixed-width little-endian integer.
  mutating func fixed(_ value: UInt64, width: Int) {
    for shift in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
  }

  mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func varint(_ value: UInt128) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(truncatingIfNeeded: rest))
  }

  mutating func signed(_ value: Int64) {
    varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  mutating func signed(_ value: Int128) {
    varint(UInt128(bitPattern: (value << 1) ^ (value >> 127)))
  }

  /// Zero bytes up to the next multiple of 8 (from the start of the file).
  mutating func align() {
    while bytes.count & 7 != 0 { bytes.append(0) }
  }

  /// A flat array: its element count (8 bytes), padding to a multiple of 8, then the
  /// elements little-endian, back to back.
  mutating func array<Element: FixedWidthInteger>(_ elements: [Element]) {
    fixed(UInt64(elements.count), width: 8)
    align()
    #if _endian(little)
      elements.withUnsafeBytes { bytes.append(contentsOf: $0) }
    #else
      for element in elements {
        withUnsafeBytes(of: element.littleEndian) { bytes.append(contentsOf: $0) }
      }
    #endif
  }

  /// A length-prefixed UTF-8 string (no deduplication).
  mutating func string(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      varint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// A text value, stored once and referenced by index when it repeats.
  mutating func text(_ text: String) {
    if text.utf8.count > Self.longTextLength {
      byte(SnapshotValueKind.longText.rawValue)
      string(text)
    } else if let index = texts[text] {
      byte(SnapshotValueKind.repeatedText.rawValue)
      varint(UInt64(index))
    } else {
      texts[text] = texts.count
      byte(SnapshotValueKind.newText.rawValue)
      string(text)
    }
  }

  /// One field value, prefixed with its kind.
  /// - Returns: `false` for records, lists and sets, which catalog rows never hold.
  mutating func value(_ value: Value) -> Bool {
    switch value {
    case .absent: byte(SnapshotValueKind.absent.rawValue)
    case .bool(let flag):
      byte(flag ? SnapshotValueKind.boolTrue.rawValue : SnapshotValueKind.boolFalse.rawValue)
    case .int(let number):
      byte(SnapshotValueKind.int.rawValue)
      signed(number)
    case .decimal(let number):
      byte(SnapshotValueKind.decimal.rawValue)
      signed(number.units)
    case .percent(let number):
      byte(SnapshotValueKind.percent.rawValue)
      signed(number.units)
    case .money(let money):
      byte(SnapshotValueKind.money.rawValue)
      append(money.currency.code.utf8)
      signed(money.amount.units)
    case .text(let text):
      self.text(text)
    case .date(let date):
      byte(SnapshotValueKind.date.rawValue)
      signed(Int64(date.daysSinceEpoch))
    case .duration(let duration):
      byte(SnapshotValueKind.duration.rawValue)
      byte(Self.unitCode(duration.unit))
      signed(duration.amount)
    case .enumCase(let enumCase):
      byte(SnapshotValueKind.enumCase.rawValue)
      varint(UInt64(enumCase.ordinal))
    case .region(let region):
      byte(SnapshotValueKind.region.rawValue)
      text(region.code)
    case .record, .list, .set:
      return false
    }
    return true
  }

  /// The stable byte for a duration unit.
  static func unitCode(_ unit: CalendarDuration.Unit) -> UInt8 {
    switch unit {
    case .days: return 0
    case .weeks: return 1
    case .months: return 2
    case .years: return 3
    }
  }
}
