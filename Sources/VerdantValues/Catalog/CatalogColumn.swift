/// One field of a catalog, stored for all rows at once.
///
/// Catalogs can hold millions of rows, so a column stores its values compactly instead of as a
/// `Value` per row: values that repeat (a product name, a standard code inherited from an
/// ancestor element) are stored once and referenced by a code of 1, 2 or 4 bytes, as few as
/// the number of distinct values allows; values that mostly differ are stored raw, in the
/// tightest array for their type (texts as one UTF-8 buffer with offsets, decimals as 64-bit
/// integers with a column scale when they fit, dates as day numbers).
public struct CatalogColumn: Sendable {
  /// How the values are stored.
  public enum Storage: Sendable {
    /// Each row holds a code into `values` (the distinct values, absent included).
    case interned(codes: CatalogCodes, values: [Value])
    /// Runs of rows with one value (a value inherited from an ancestor element, repeated by
    /// every record under it): run `i` starts at row `starts[i]` and holds
    /// `values[codes[i]]`; `count` rows in all.
    case runs(starts: [UInt32], codes: CatalogCodes, values: [Value], count: Int)
    /// Texts: row `i` is `bytes[offsets[i]..<offsets[i + 1]]` (UTF-8).
    case text(bytes: [UInt8], offsets: [UInt32])
    /// Texts of one length in bytes (codes, identifiers): row `i` is
    /// `bytes[i × width..<(i + 1) × width]`; `width` is at least 1.
    case fixedText(bytes: [UInt8], width: Int)
    /// Decimals or percents whose fixed-point units (see ``ExactDecimal/units``) are
    /// `units[i] × 10^(18 − scale)`: `scale` is the most fraction digits any row has.
    case decimal(units: [Int64], scale: Int)
    /// Decimals or percents by their full 128-bit units (when some value does not fit the
    /// scaled 64-bit form).
    case wideDecimal([Int128])
    /// 64-bit integers.
    case int([Int64])
    /// Dates as days since 1970-01-01.
    case date([Int32])
    /// Any other values.
    case values([Value])
  }

  /// The field's declared type.
  public let type: ValueType
  /// The values.
  public let storage: Storage
  /// For raw storage of an optional field, bit `i` is set when row `i` has a value.
  ///
  /// `nil` when every row has one (or the storage is interned, runs or `values`, where
  /// absence is a value).
  public let present: [UInt64]?

  /// Creates a column from its parts (used by snapshot readers).
  public init(type: ValueType, storage: Storage, present: [UInt64]?) {
    self.type = type
    self.storage = storage
    self.present = present
  }

  /// Whether row `row` has a value according to the presence bits.
  @inlinable
  public func isPresent(_ row: Int) -> Bool {
    guard let present else { return true }
    return present[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// The value of a row.
  public func value(at row: Int) -> Value {
    guard isPresent(row) else { return .absent }
    switch storage {
    case .interned(let codes, let values):
      return values[codes[row]]
    case .runs(let starts, let codes, let values, _):
      return values[codes[Self.run(containing: row, in: starts)]]
    case .text(let bytes, let offsets):
      let range = Int(offsets[row])..<Int(offsets[row + 1])
      return .text(bytes.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) })
    case .fixedText(let bytes, let width):
      let range = (row * width)..<(row * width + width)
      return .text(bytes.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) })
    case .decimal(let units, let scale):
      return decimalValue(Int128(units[row]) &* CatalogDecimalScale.factor(18 - scale))
    case .wideDecimal(let units):
      return decimalValue(units[row])
    case .int(let numbers):
      return .int(numbers[row])
    case .date(let days):
      return CivilDate(daysSinceEpoch: days[row]).map(Value.date) ?? .absent
    case .values(let values):
      return values[row]
    }
  }

  /// The run holding a row: the last start at or before it (binary search).
  static func run(containing row: Int, in starts: [UInt32]) -> Int {
    var low = 0
    var high = starts.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if Int(starts[middle]) <= row { low = middle } else { high = middle }
    }
    return low
  }

  private func decimalValue(_ units: Int128) -> Value {
    // Snapshot readers reject `Int128.min`; treat it as absent rather than trap.
    guard units != .min else { return .absent }
    let number = ExactDecimal(units: units)
    return type.unwrapped == .percent ? .percent(number) : .decimal(number)
  }

  /// The number of rows.
  public var count: Int {
    switch storage {
    case .interned(let codes, _): return codes.count
    case .runs(_, _, _, let count): return count
    case .text(_, let offsets): return max(0, offsets.count - 1)
    case .fixedText(let bytes, let width): return width > 0 ? bytes.count / width : 0
    case .decimal(let units, _): return units.count
    case .wideDecimal(let units): return units.count
    case .int(let numbers): return numbers.count
    case .date(let days): return days.count
    case .values(let values): return values.count
    }
  }

  /// Bytes held by the column's arrays (an estimate for reports: distinct values are counted
  /// at their inline size plus their text bytes).
  public var byteCount: Int {
    let presence = (present?.count ?? 0) * 8
    let valueSize = MemoryLayout<Value>.stride
    switch storage {
    case .interned(let codes, let values):
      return presence + codes.count * codes.width + Self.byteCount(of: values)
    case .runs(let starts, let codes, let values, _):
      return presence + starts.count * 4 + codes.count * codes.width + Self.byteCount(of: values)
    case .text(let bytes, let offsets): return presence + bytes.count + offsets.count * 4
    case .fixedText(let bytes, _): return presence + bytes.count
    case .decimal(let units, _): return presence + units.count * 8
    case .wideDecimal(let units): return presence + units.count * 16
    case .int(let numbers): return presence + numbers.count * 8
    case .date(let days): return presence + days.count * 4
    case .values(let values): return presence + values.count * valueSize
    }
  }
}

extension CatalogColumn {
  /// Distinct values at their inline size, plus the bytes of texts too long to be inline.
  static func byteCount(of values: [Value]) -> Int {
    var textBytes = 0
    for case .text(let text) in values where text.utf8.count > 15 { textBytes += text.utf8.count }
    return values.count * MemoryLayout<Value>.stride + textBytes
  }
}

/// The per-row codes of an interned column, 1, 2 or 4 bytes each.
public enum CatalogCodes: Sendable {
  /// Up to 256 distinct values.
  case uint8([UInt8])
  /// Up to 65,536 distinct values.
  case uint16([UInt16])
  /// More.
  case uint32([UInt32])

  /// The code of a row.
  @inlinable
  public subscript(row: Int) -> Int {
    switch self {
    case .uint8(let codes): return Int(codes[row])
    case .uint16(let codes): return Int(codes[row])
    case .uint32(let codes): return Int(codes[row])
    }
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .uint8(let codes): return codes.count
    case .uint16(let codes): return codes.count
    case .uint32(let codes): return codes.count
    }
  }

  /// Bytes per code.
  public var width: Int {
    switch self {
    case .uint8: return 1
    case .uint16: return 2
    case .uint32: return 4
    }
  }

  /// Codes of the narrowest width for `distinct` values.
  public static func narrowest(_ codes: [UInt32], distinct: Int) -> CatalogCodes {
    if distinct <= 256 { return .uint8(codes.map { UInt8(truncatingIfNeeded: $0) }) }
    if distinct <= 65_536 { return .uint16(codes.map { UInt16(truncatingIfNeeded: $0) }) }
    return .uint32(codes)
  }

  /// The largest code, or -1 when there are none (snapshot readers check it).
  public var maximum: Int {
    switch self {
    case .uint8(let codes): return codes.max().map(Int.init) ?? -1
    case .uint16(let codes): return codes.max().map(Int.init) ?? -1
    case .uint32(let codes): return codes.max().map(Int.init) ?? -1
    }
  }
}

/// Powers of ten for scaled decimal columns.
public enum CatalogDecimalScale {
  /// `10^exponent` for `exponent` in `0...18`.
  @inlinable
  public static func factor(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result &*= 10 }
    return result
  }

  /// `10^exponent` as an `Int64`, for `exponent` in `0...18`.
  static let powers: [Int64] = {
    var result: [Int64] = [1]
    for _ in 1...18 { result.append(result[result.count - 1] * 10) }
    return result
  }()
}

// MARK: - Building

/// Builds a column row by row, choosing its storage as it goes.
///
/// A column starts interned: each new value is stored once (texts, decimals, integers and
/// dates by their bytes, with no `Value` made per row) and rows get 1-byte codes, widened to 2
/// and 4 bytes as distinct values accumulate. When distinct values turn out to be common (more
/// than half the rows once 16,384 are in, or more than one in eight once 65,536 are in), it
/// switches to raw storage for good, so a unique key column never keeps a dictionary of
/// every value.
public struct CatalogColumnBuilder: Sendable {
  /// How values of the field's type are keyed and stored.
  enum Kind { case text, decimal, int, date, other }

  private let type: ValueType
  private var kind: Kind
  /// The number of rows appended.
  public private(set) var count = 0
  /// A hint of the final row count, used to size arrays once instead of doubling them.
  private var expectedRows = 0

  // MARK: Interned state
  private var isRaw = false
  private var codeWidth = 1
  private var codes8: [UInt8] = []
  private var codes16: [UInt16] = []
  private var codes32: [UInt32] = []
  private var lastCode: UInt32 = 0
  /// Whether rows keep per-row codes, runs of equal codes, or (until 16,384 rows show which
  /// is smaller) both.
  private var runMode = RunMode.undecided
  private var runStarts: [UInt32] = []
  private var runCodes: [UInt32] = []

  private enum RunMode { case undecided, runs, codes }
  private var distinctCount = 0
  /// Byte-keyed kinds: the distinct values' key bytes (UTF-8, or the number's bytes).
  private var keyBytes: [UInt8] = []
  private var keyOffsets: [UInt32] = [0]
  /// The size of every key for fixed-width kinds (decimal 16, int 8, date 4; the absent code
  /// gets zero bytes too), so code `c`'s key is at `c × keyWidth`; 0 for texts.
  private var keyWidth = 0
  /// Open-addressing table: the high 32 bits of the key's hash above `code + 1` (0: empty),
  /// so a probe rarely needs to read a key that does not match.
  private var table: [UInt64] = []
  /// The code of `absent`, or `UInt32.max` when no row is absent yet.
  private var absentCode = UInt32.max
  /// `.other` kinds: the distinct values and their codes.
  private var distinctValues: [Value] = []
  private var lookup: [Value: UInt32] = [:]

  // MARK: Raw state
  private var raw: RawColumn

  /// Creates a builder for a field type.
  public init(type: ValueType) {
    self.type = type
    switch type.unwrapped {
    case .text: kind = .text
    case .decimal, .percent:
      kind = .decimal
      keyWidth = 16
    case .int:
      kind = .int
      keyWidth = 8
    case .date:
      kind = .date
      keyWidth = 4
    default: kind = .other
    }
    raw = RawColumn()
  }

  /// Sizes the builder's arrays for about `rows` rows in all (an estimate: more rows still
  /// fit, fewer leave untouched capacity that costs no resident memory).
  public mutating func reserveCapacity(_ rows: Int) {
    expectedRows = max(expectedRows, rows)
    if isRaw {
      raw.reserve(rows: rows, averageTextLength: raw.averageTextLength, kind: kind)
    } else if runMode != .runs {
      switch codeWidth {
      case 1: codes8.reserveCapacity(rows)
      case 2: codes16.reserveCapacity(rows)
      default: codes32.reserveCapacity(rows)
      }
    }
  }

  // MARK: Appending

  /// Appends the next row's value (`absent` for a missing optional).
  public mutating func append(_ value: Value) {
    switch (kind, value) {
    case (_, .absent): appendAbsent()
    case (.text, .text(let text)):
      var text = text
      text.withUTF8 { appendText($0) }
    case (.decimal, .decimal(let number)) where type.unwrapped == .decimal:
      appendDecimal(units: number.units)
    case (.decimal, .percent(let number)) where type.unwrapped == .percent:
      appendDecimal(units: number.units)
    case (.int, .int(let number)): appendInt(number)
    case (.date, .date(let date)): appendDate(days: date.daysSinceEpoch)
    case (.other, _): appendOther(value)
    default:
      // A value of another kind than the declared type: keep it as a value.
      degradeToValues()
      appendOther(value)
    }
  }

  /// Appends an absent value.
  public mutating func appendAbsent() {
    if kind == .other { return appendOther(.absent) }
    count += 1
    if isRaw { return raw.appendAbsent(kind: kind) }
    if absentCode == .max {
      absentCode = UInt32(distinctCount)
      distinctCount += 1
      keyBytes.append(contentsOf: repeatElement(0, count: keyWidth))
      keyOffsets.append(UInt32(keyBytes.count))
      appendCode(absentCode)
      considerRaw()
    } else {
      appendCode(absentCode)
    }
  }

  /// Appends a text given as UTF-8 bytes (only read during the call).
  public mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard kind == .text else {
      return append(.text(String(decoding: bytes, as: UTF8.self)))
    }
    count += 1
    if isRaw {
      if !raw.appendText(bytes) { convertLongTextToValues(appending: bytes) }
      return
    }
    appendKey(UnsafeRawBufferPointer(bytes))
  }

  /// Appends a decimal (or, for a `Percent` field, a percent) by its fixed-point units.
  public mutating func appendDecimal(units: Int128) {
    guard kind == .decimal else {
      let number = ExactDecimal(units: units)
      return append(type.unwrapped == .percent ? .percent(number) : .decimal(number))
    }
    count += 1
    if isRaw { return raw.appendDecimal(units) }
    withUnsafeBytes(of: units.littleEndian) { appendKey($0) }
  }

  /// Appends an integer.
  public mutating func appendInt(_ number: Int64) {
    guard kind == .int else { return append(.int(number)) }
    count += 1
    if isRaw { return raw.appendInt(number) }
    withUnsafeBytes(of: number.littleEndian) { appendKey($0) }
  }

  /// Appends a date by its day number (days since 1970-01-01).
  public mutating func appendDate(days: Int32) {
    guard kind == .date else {
      return append(CivilDate(daysSinceEpoch: days).map(Value.date) ?? .absent)
    }
    count += 1
    if isRaw { return raw.appendDate(days) }
    withUnsafeBytes(of: days.littleEndian) { appendKey($0) }
  }

  /// Appends the same value as the previous row (which must exist): the cheap path for
  /// values inherited from an ancestor element.
  public mutating func appendRepeat() {
    precondition(count > 0, "appendRepeat() needs a previous row")
    count += 1
    if isRaw {
      raw.repeatLast(kind: kind)
    } else {
      appendCode(lastCode)
    }
  }

  // MARK: Finishing

  /// The finished column.
  public func build() -> CatalogColumn {
    if isRaw { return raw.column(type: type, kind: kind) }
    let values = kind == .other ? distinctValues : (0..<distinctCount).map(distinctValue)
    if runMode == .runs {
      let codes = CatalogCodes.narrowest(runCodes, distinct: distinctCount)
      return CatalogColumn(
        type: type, storage: .runs(starts: runStarts, codes: codes, values: values, count: count),
        present: nil)
    }
    let codes: CatalogCodes
    switch codeWidth {
    case 1: codes = .uint8(codes8)
    case 2: codes = .uint16(codes16)
    default: codes = .uint32(codes32)
    }
    return CatalogColumn(type: type, storage: .interned(codes: codes, values: values), present: nil)
  }

  // MARK: Interning

  /// Interns a byte key and appends its code.
  @inline(__always)
  private mutating func appendKey(_ key: UnsafeRawBufferPointer) {
    let hash = Self.internHash(key)
    if table.isEmpty { table = [UInt64](repeating: 0, count: 64) }
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = table[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if keyEquals(code, key) {
          appendCode(UInt32(truncatingIfNeeded: code))
          return
        }
      }
      slot = (slot + 1) & mask
    }
    let code = UInt32(distinctCount)
    distinctCount += 1
    keyBytes.append(contentsOf: key)
    keyOffsets.append(UInt32(keyBytes.count))
    table[slot] = tag | UInt64(code + 1)
    if distinctCount * 2 > table.count { growTable() }
    appendCode(code)
    considerRaw()
  }

  @inline(__always)
  private func keyEquals(_ code: Int, _ key: UnsafeRawBufferPointer) -> Bool {
    let start: Int
    if keyWidth > 0 {
      start = code &* keyWidth
    } else {
      start = Int(keyOffsets[code])
      guard Int(keyOffsets[code + 1]) - start == key.count else { return false }
    }
    return keyBytes.withUnsafeBytes { stored in
      guard let base = stored.baseAddress, let other = key.baseAddress else { return true }
      return memoryEquals(base + start, other, key.count)
    }
  }

  private mutating func growTable() {
    let capacity = table.count * 2
    var grown = [UInt64](repeating: 0, count: capacity)
    let mask = capacity - 1
    keyBytes.withUnsafeBytes { bytes in
      for code in 0..<distinctCount where code != Int(absentCode) {
        let range = Int(keyOffsets[code])..<Int(keyOffsets[code + 1])
        let hash = Self.internHash(UnsafeRawBufferPointer(rebasing: bytes[range]))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while grown[slot] != 0 { slot = (slot + 1) & mask }
        grown[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
      }
    }
    table = grown
  }

  private mutating func appendOther(_ value: Value) {
    count += 1
    if isRaw { return raw.appendValue(value) }
    if let code = lookup[value] {
      appendCode(code)
      return
    }
    let code = UInt32(distinctCount)
    distinctCount += 1
    distinctValues.append(value)
    lookup[value] = code
    appendCode(code)
    considerRaw()
  }

  /// Appends the code of the row just counted.
  @inline(__always)
  private mutating func appendCode(_ code: UInt32) {
    let startsRun = count == 1 || code != lastCode
    lastCode = code
    if startsRun, runMode != .codes {
      runStarts.append(UInt32(truncatingIfNeeded: count - 1))
      runCodes.append(code)
      if runMode == .runs {
        // Runs turned short: per-row codes are smaller from here on.
        if count >= 65_536, runStarts.count * 16 > count { storeCodesInsteadOfRuns() }
        return
      }
    }
    if runMode == .runs { return }
    storeCode(code)
    if runMode == .undecided, count == 16_384 {
      if runStarts.count * 32 <= count {
        runMode = .runs
        codes8 = []
        codes16 = []
        codes32 = []
      } else {
        runMode = .codes
        runStarts = []
        runCodes = []
      }
    }
  }

  @inline(__always)
  private mutating func storeCode(_ code: UInt32) {
    switch codeWidth {
    case 1:
      if code <= UInt8.max {
        codes8.append(UInt8(truncatingIfNeeded: code))
        return
      }
      widenCodes()
      storeCode(code)
    case 2:
      if code <= UInt16.max {
        codes16.append(UInt16(truncatingIfNeeded: code))
        return
      }
      widenCodes()
      storeCode(code)
    default:
      codes32.append(code)
    }
  }

  /// Leaves run storage: writes every row's code (all rows so far, the current one included).
  private mutating func storeCodesInsteadOfRuns() {
    let starts = runStarts
    let codes = runCodes
    runMode = .codes
    runStarts = []
    runCodes = []
    codeWidth = distinctCount <= 256 ? 1 : (distinctCount <= 65_536 ? 2 : 4)
    let capacity = max(expectedRows, count + 1024)
    switch codeWidth {
    case 1: codes8.reserveCapacity(capacity)
    case 2: codes16.reserveCapacity(capacity)
    default: codes32.reserveCapacity(capacity)
    }
    for run in starts.indices {
      let end = run + 1 < starts.count ? Int(starts[run + 1]) : count
      for _ in Int(starts[run])..<end { storeCode(codes[run]) }
    }
  }

  /// Every row's code, in order.
  private func forEachCode(_ body: (Int) -> Void) {
    if runMode == .runs {
      for run in runStarts.indices {
        let end = run + 1 < runStarts.count ? Int(runStarts[run + 1]) : count
        for _ in Int(runStarts[run])..<end { body(Int(runCodes[run])) }
      }
      return
    }
    for row in 0..<count {
      switch codeWidth {
      case 1: body(Int(codes8[row]))
      case 2: body(Int(codes16[row]))
      default: body(Int(codes32[row]))
      }
    }
  }

  private mutating func widenCodes() {
    let capacity = max(expectedRows, codes8.count + codes16.count + 1024)
    if codeWidth == 1 {
      codes16.reserveCapacity(capacity)
      for code in codes8 { codes16.append(UInt16(code)) }
      codes8 = []
      codeWidth = 2
    } else {
      codes32.reserveCapacity(capacity)
      for code in codes16 { codes32.append(UInt32(code)) }
      codes16 = []
      codeWidth = 4
    }
  }

  /// Switches to raw storage when distinct values are common.
  private mutating func considerRaw() {
    let mostlyDistinct = count >= 16_384 && distinctCount * 2 > count
    let oftenDistinct = count >= 65_536 && distinctCount * 8 > count
    if mostlyDistinct || oftenDistinct { switchToRaw() }
  }

  private mutating func switchToRaw() {
    var column = RawColumn()
    let averageLength = distinctCount > 0 ? keyBytes.count / distinctCount + 1 : 8
    column.reserve(
      rows: max(expectedRows, count * 2), averageTextLength: averageLength, kind: kind)
    forEachCode { code in
      if kind == .other {
        column.appendValue(distinctValues[code])
        return
      }
      if code == Int(absentCode) {
        column.appendAbsent(kind: kind)
        return
      }
      let range = Int(keyOffsets[code])..<Int(keyOffsets[code + 1])
      keyBytes.withUnsafeBytes { bytes in
        let key = UnsafeRawBufferPointer(rebasing: bytes[range])
        switch kind {
        case .text: _ = column.appendText(key.assumingMemoryBound(to: UInt8.self))
        case .decimal:
          column.appendDecimal(Int128(littleEndian: key.loadUnaligned(as: Int128.self)))
        case .int: column.appendInt(Int64(littleEndian: key.loadUnaligned(as: Int64.self)))
        case .date: column.appendDate(Int32(littleEndian: key.loadUnaligned(as: Int32.self)))
        case .other: break
        }
      }
    }
    raw = column
    isRaw = true
    runStarts = []
    runCodes = []
    codes8 = []
    codes16 = []
    codes32 = []
    keyBytes = []
    keyOffsets = []
    table = []
    distinctValues = []
    lookup = [:]
  }

  /// The value of a distinct byte key.
  private func distinctValue(_ code: Int) -> Value {
    if code == Int(absentCode) { return .absent }
    let range = Int(keyOffsets[code])..<Int(keyOffsets[code + 1])
    return keyBytes.withUnsafeBytes { bytes -> Value in
      let key = UnsafeRawBufferPointer(rebasing: bytes[range])
      switch kind {
      case .text:
        return .text(String(decoding: key, as: UTF8.self))
      case .decimal:
        let number = ExactDecimal(units: Int128(littleEndian: key.loadUnaligned(as: Int128.self)))
        return type.unwrapped == .percent ? .percent(number) : .decimal(number)
      case .int:
        return .int(Int64(littleEndian: key.loadUnaligned(as: Int64.self)))
      case .date:
        let days = Int32(littleEndian: key.loadUnaligned(as: Int32.self))
        return CivilDate(daysSinceEpoch: days).map(Value.date) ?? .absent
      case .other:
        return .absent
      }
    }
  }

  /// Turns the builder into one that keeps `Value`s (for values of an unexpected kind).
  private mutating func degradeToValues() {
    let column = build()
    var replacement = CatalogColumnBuilder(type: type)
    replacement.kind = .other
    replacement.expectedRows = expectedRows
    for row in 0..<column.count { replacement.appendOther(column.value(at: row)) }
    self = replacement
  }

  /// A text column past 4 GiB of text: 32-bit offsets no longer reach, so values are kept.
  private mutating func convertLongTextToValues(appending bytes: UnsafeBufferPointer<UInt8>) {
    count -= 1
    degradeToValues()
    appendOther(.text(String(decoding: bytes, as: UTF8.self)))
  }

  /// A fast hash for interning (not stored anywhere, so it may change between versions):
  /// whole words, with the last (or only) word read overlapping, never byte by byte.
  @inline(__always)
  static func internHash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    let count = key.count
    var hash: UInt64 = (0x9E37_79B9_7F4A_7C15 ^ UInt64(count)) &* 0xff51_afd7_ed55_8ccd
    @inline(__always)
    func mix(_ word: UInt64) {
      hash = (hash ^ word) &* 0xc4ce_b9fe_1a85_ec53
      hash ^= hash >> 29
    }
    if count >= 8 {
      var index = 0
      while index + 8 < count {
        mix(key.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index += 8
      }
      mix(key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    } else if count >= 4 {
      let low = UInt64(key.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
      let high = UInt64(key.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      mix(low | high << 32)
    } else if count > 0 {
      mix(UInt64(key[0]) | UInt64(key[count / 2]) << 8 | UInt64(key[count - 1]) << 16)
    }
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
  }
}

/// Compares `count` bytes.
@inline(__always)
func memoryEquals(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
  var index = 0
  while index + 8 <= count {
    if a.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      != b.loadUnaligned(fromByteOffset: index, as: UInt64.self)
    {
      return false
    }
    index += 8
  }
  while index < count {
    if a.load(fromByteOffset: index, as: UInt8.self)
      != b.load(fromByteOffset: index, as: UInt8.self)
    {
      return false
    }
    index += 1
  }
  return true
}

/// Raw storage under construction.
private struct RawColumn: Sendable {
  var bytes: [UInt8] = []
  /// Text offsets, once texts differ in length (see `textWidth`).
  var offsets: [UInt32] = [0]
  /// While every text so far has this many bytes (absent rows hold as many zeros), offsets
  /// are implied and not stored; 0 once lengths differ (or the first row had none).
  var textWidth = -1
  /// Scaled decimals while every value fits; `wide` once one does not.
  var units: [Int64] = []
  var scale = 0
  var wide = false
  var wideUnits: [Int128] = []
  var numbers: [Int64] = []
  var days: [Int32] = []
  var values: [Value] = []
  var present: [UInt64] = []
  var anyAbsent = false
  var count = 0

  var averageTextLength: Int {
    guard count > 0 else { return 8 }
    return textWidth > 0 ? textWidth : bytes.count / count + 1
  }

  mutating func reserve(rows: Int, averageTextLength: Int, kind: CatalogColumnBuilder.Kind) {
    switch kind {
    case .text:
      if textWidth <= 0 { offsets.reserveCapacity(rows + 1) }
      bytes.reserveCapacity(rows * averageTextLength)
    case .decimal:
      if wide { wideUnits.reserveCapacity(rows) } else { units.reserveCapacity(rows) }
    case .int: numbers.reserveCapacity(rows)
    case .date: days.reserveCapacity(rows)
    case .other:
      values.reserveCapacity(rows)
      return
    }
  }

  /// Records whether the next row has a value.
  ///
  /// The presence bits are only kept from the
  /// first absent row on (until then every row has one).
  @inline(__always)
  mutating func mark(_ isPresent: Bool) {
    if anyAbsent {
      if count & 63 == 0 { present.append(0) }
      if isPresent { present[present.count - 1] |= 1 << UInt64(count & 63) }
    } else if !isPresent {
      present = [UInt64](repeating: ~0, count: count / 64)
      if count & 63 != 0 {
        present.append((1 << UInt64(count & 63)) - 1)
      } else {
        present.append(0)
      }
      anyAbsent = true
    }
    count += 1
  }

  /// Appends a text; `false` (and nothing appended) when offsets would pass 4 GiB.
  mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count + text.count <= Int(UInt32.max) else { return false }
    if textWidth != text.count, textWidth != 0 {
      if textWidth < 0, text.count > 0 {
        textWidth = text.count
      } else {
        storeOffsets()
      }
    }
    mark(true)
    bytes.append(contentsOf: text)
    if textWidth == 0 { offsets.append(UInt32(truncatingIfNeeded: bytes.count)) }
    return true
  }

  /// Leaves fixed-width texts: writes the offsets they implied.
  private mutating func storeOffsets() {
    let width = max(0, textWidth)
    textWidth = 0
    offsets = [0]
    offsets.reserveCapacity(max(bytes.capacity / max(1, width), count) + 1)
    for row in 0..<count { offsets.append(UInt32(truncatingIfNeeded: (row + 1) * width)) }
  }

  mutating func appendDecimal(_ value: Int128) {
    mark(true)
    appendUnits(value)
  }

  private mutating func appendUnits(_ value: Int128) {
    if wide { return wideUnits.append(value) }
    // The fraction digits this value needs, beyond the column's scale so far.
    var needed = scale
    while needed < 18, value % CatalogDecimalScale.factor(18 - needed) != 0 { needed += 1 }
    if needed > scale { rescale(to: needed) }
    if !wide, let small = Int64(exactly: value / CatalogDecimalScale.factor(18 - scale)) {
      units.append(small)
    } else {
      if !wide { widen() }
      wideUnits.append(value)
    }
  }

  private mutating func rescale(to newScale: Int) {
    let factor = CatalogDecimalScale.powers[newScale - scale]
    // Checked first, so that the units are never left half rescaled.
    let overflows = units.contains { $0.multipliedReportingOverflow(by: factor).overflow }
    if overflows { return widen() }
    for index in units.indices { units[index] &*= factor }
    scale = newScale
  }

  private mutating func widen() {
    let factor = CatalogDecimalScale.factor(18 - scale)
    wideUnits.reserveCapacity(max(units.capacity, units.count + 1))
    for unit in units { wideUnits.append(Int128(unit) &* factor) }
    units = []
    wide = true
  }

  mutating func appendInt(_ value: Int64) {
    mark(true)
    numbers.append(value)
  }

  mutating func appendDate(_ value: Int32) {
    mark(true)
    days.append(value)
  }

  mutating func appendValue(_ value: Value) {
    count += 1
    values.append(value)
  }

  mutating func appendAbsent(kind: CatalogColumnBuilder.Kind) {
    switch kind {
    case .text:
      if textWidth < 0 { storeOffsets() }
      mark(false)
      if textWidth > 0 {
        bytes.append(contentsOf: repeatElement(0, count: textWidth))
      } else {
        offsets.append(UInt32(truncatingIfNeeded: bytes.count))
      }
    case .decimal:
      mark(false)
      if wide { wideUnits.append(0) } else { units.append(0) }
    case .int:
      mark(false)
      numbers.append(0)
    case .date:
      mark(false)
      days.append(0)
    case .other:
      appendValue(.absent)
    }
  }

  mutating func repeatLast(kind: CatalogColumnBuilder.Kind) {
    if kind == .other { return appendValue(values[values.count - 1]) }
    let last = count - 1
    let wasPresent = !anyAbsent || present[last >> 6] & (1 << UInt64(last & 63)) != 0
    mark(wasPresent)
    switch kind {
    case .text:
      let start = textWidth > 0 ? last * textWidth : Int(offsets[last])
      let end = textWidth > 0 ? start + textWidth : Int(offsets[last + 1])
      let length = end - start
      bytes.append(contentsOf: repeatElement(0, count: length))
      bytes.withUnsafeMutableBufferPointer { buffer in
        for index in 0..<length { buffer[end + index] = buffer[start + index] }
      }
      if textWidth <= 0 { offsets.append(UInt32(truncatingIfNeeded: bytes.count)) }
    case .decimal:
      if wide { wideUnits.append(wideUnits[last]) } else { units.append(units[last]) }
    case .int: numbers.append(numbers[last])
    case .date: days.append(days[last])
    case .other: break
    }
  }

  func column(type: ValueType, kind: CatalogColumnBuilder.Kind) -> CatalogColumn {
    let storage: CatalogColumn.Storage
    switch kind {
    case .text:
      if textWidth > 0 {
        storage = .fixedText(bytes: bytes, width: textWidth)
      } else {
        // No row at all leaves the offsets as `[0]`.
        storage = .text(bytes: bytes, offsets: textWidth < 0 ? [0] : offsets)
      }
    case .decimal: storage = wide ? .wideDecimal(wideUnits) : .decimal(units: units, scale: scale)
    case .int: storage = .int(numbers)
    case .date: storage = .date(days)
    case .other: storage = .values(values)
    }
    // Values storage keeps `absent` itself; the others need the presence bits.
    let needsPresence = anyAbsent && kind != .other
    return CatalogColumn(type: type, storage: storage, present: needsPresence ? present : nil)
  }
}
