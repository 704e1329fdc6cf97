/// One field of a catalog, stored for all rows at once.
///
/// Catalogs can hold millions of rows, so a column stores its values compactly instead of as a
/// `Value` per row: values that repeat (a product name, a standard code inherited from an
/// ancestor element) are stored once and referenced by a 32-bit id; values that mostly differ
/// are stored raw, in the tightest array for their type (texts as one UTF-8 buffer with offsets,
/// decimals as their 128-bit units, dates as day numbers).
public struct CatalogColumn: Sendable {
  /// How the values are stored.
  public enum Storage: Sendable {
    /// Each row holds an id into `values` (the distinct values, absent included).
    case interned(ids: [UInt32], values: [Value])
    /// Texts: row `i` is `bytes[offsets[i]..<offsets[i + 1]]` (UTF-8).
    case text(bytes: [UInt8], offsets: [UInt32])
    /// Decimals or percents by their fixed-point units (see ``ExactDecimal/units``).
    case decimal([Int128])
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
  /// For raw storage of an optional field: bit `i` set when row `i` has a value. `nil` when
  /// every row has one (or the storage is interned, where absence is a value).
  public let present: [UInt64]?

  /// Creates a column from its parts (used by snapshot readers).
  public init(type: ValueType, storage: Storage, present: [UInt64]?) {
    self.type = type
    self.storage = storage
    self.present = present
  }

  /// The value of a row.
  @inlinable
  public func value(at row: Int) -> Value {
    if let present, present[row >> 6] & (1 << UInt64(row & 63)) == 0 { return .absent }
    switch storage {
    case .interned(let ids, let values):
      return values[Int(ids[row])]
    case .text(let bytes, let offsets):
      let range = Int(offsets[row])..<Int(offsets[row + 1])
      return .text(bytes.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) })
    case .decimal(let units):
      let number = ExactDecimal(units: units[row])
      return type.unwrapped == .percent ? .percent(number) : .decimal(number)
    case .int(let numbers):
      return .int(numbers[row])
    case .date(let days):
      return CivilDate(daysSinceEpoch: days[row]).map(Value.date) ?? .absent
    case .values(let values):
      return values[row]
    }
  }

  /// The number of rows.
  public var count: Int {
    switch storage {
    case .interned(let ids, _): return ids.count
    case .text(_, let offsets): return max(0, offsets.count - 1)
    case .decimal(let units): return units.count
    case .int(let numbers): return numbers.count
    case .date(let days): return days.count
    case .values(let values): return values.count
    }
  }

  /// Bytes held by the column's arrays (an estimate for reports).
  public var byteCount: Int {
    let presence = (present?.count ?? 0) * 8
    switch storage {
    case .interned(let ids, let values): return presence + ids.count * 4 + values.count * 48
    case .text(let bytes, let offsets): return presence + bytes.count + offsets.count * 4
    case .decimal(let units): return presence + units.count * 16
    case .int(let numbers): return presence + numbers.count * 8
    case .date(let days): return presence + days.count * 4
    case .values(let values): return presence + values.count * 48
    }
  }
}

/// Builds a column row by row, choosing its storage as it goes.
///
/// A column starts interned. When distinct values turn out to be common (more than one in
/// eight rows once 4,096 rows are in), it switches to raw storage for good, so a unique key
/// column never keeps a dictionary of every value.
public struct CatalogColumnBuilder: Sendable {
  private let type: ValueType
  private var ids: [UInt32] = []
  private var distinct: [Value] = []
  private var lookup: [Value: UInt32] = [:]
  private var raw: RawColumn?
  private var count = 0

  /// Creates a builder for a field type.
  public init(type: ValueType) { self.type = type }

  /// Appends the next row's value (`absent` for a missing optional).
  public mutating func append(_ value: Value) {
    count += 1
    if raw != nil {
      raw?.append(value)
      return
    }
    if let id = lookup[value] {
      ids.append(id)
    } else {
      let id = UInt32(distinct.count)
      distinct.append(value)
      lookup[value] = id
      ids.append(id)
      if count >= 4096, distinct.count > count / 8 { switchToRaw() }
    }
  }

  /// The finished column.
  public func build() -> CatalogColumn {
    if let raw { return raw.column(type: type) }
    return CatalogColumn(type: type, storage: .interned(ids: ids, values: distinct), present: nil)
  }

  private mutating func switchToRaw() {
    var column = RawColumn(type: type, capacity: ids.count * 2)
    for id in ids { column.append(distinct[Int(id)]) }
    raw = column
    ids = []
    distinct = []
    lookup = [:]
  }
}

/// Raw storage under construction.
private struct RawColumn: Sendable {
  enum Kind { case text, decimal, int, date, values }

  var kind: Kind
  var bytes: [UInt8] = []
  var offsets: [UInt32] = [0]
  var units: [Int128] = []
  var numbers: [Int64] = []
  var days: [Int32] = []
  var values: [Value] = []
  var present: [UInt64] = []
  var anyAbsent = false
  var count = 0

  init(type: ValueType, capacity: Int) {
    switch type.unwrapped {
    case .text: kind = .text
    case .decimal, .percent: kind = .decimal
    case .int: kind = .int
    case .date: kind = .date
    default: kind = .values
    }
  }

  mutating func append(_ value: Value) {
    if count & 63 == 0 { present.append(0) }
    let isPresent = !value.isAbsent
    if isPresent { present[present.count - 1] |= 1 << UInt64(count & 63) } else { anyAbsent = true }
    count += 1
    if kind == .text, case .text(let text) = value,
      bytes.count + text.utf8.count > Int(UInt32.max)
    {
      // Offsets are 32-bit; a column of more than 4 GiB of text keeps its values instead.
      var kept: [Value] = []
      for row in 0..<(count - 1) {
        let bit: UInt64 = 1 << UInt64(row & 63)
        if present[row >> 6] & bit == 0 {
          kept.append(.absent)
          continue
        }
        let range = Int(offsets[row])..<Int(offsets[row + 1])
        kept.append(.text(String(decoding: bytes[range], as: UTF8.self)))
      }
      values = kept
      bytes = []
      offsets = []
      kind = .values
    }
    switch (kind, value) {
    case (.text, .text(let text)):
      bytes.append(contentsOf: text.utf8)
      offsets.append(UInt32(bytes.count))
    case (.text, _):
      offsets.append(UInt32(bytes.count))
    case (.decimal, .decimal(let number)), (.decimal, .percent(let number)):
      units.append(number.units)
    case (.decimal, _):
      units.append(0)
    case (.int, .int(let number)):
      numbers.append(number)
    case (.int, _):
      numbers.append(0)
    case (.date, .date(let date)):
      days.append(date.daysSinceEpoch)
    case (.date, _):
      days.append(0)
    case (.values, _):
      values.append(value)
    }
  }

  func column(type: ValueType) -> CatalogColumn {
    let storage: CatalogColumn.Storage
    switch kind {
    case .text: storage = .text(bytes: bytes, offsets: offsets)
    case .decimal: storage = .decimal(units)
    case .int: storage = .int(numbers)
    case .date: storage = .date(days)
    case .values: storage = .values(values)
    }
    // Values storage keeps `absent` itself; the others need the presence bits.
    let needsPresence = anyAbsent && kind != .values
    return CatalogColumn(type: type, storage: storage, present: needsPresence ? present : nil)
  }
}
