/// A catalog's rows, keyed for lookup: what a ruleset reads with `catalog[key]`.
///
/// Rows are stored by column (see ``CatalogColumn``) with an open-addressing hash index over
/// the key, so a catalog of millions of rows takes tens of bytes per row and a snapshot can
/// store and reload the whole table, index included, as a few flat arrays. A row is only turned
/// into a ``RecordValue`` when a lookup returns it. Tables are immutable and shared by every
/// evaluation of a compiled ruleset.
public final class CatalogTable: Sendable {
  /// The catalog's name.
  public let name: String
  /// The record type of one row.
  public let rowType: RecordType
  /// The columns, in the order of `rowType.fields`.
  public let columns: [CatalogColumn]
  /// The number of rows.
  public let count: Int
  /// The index of the key field.
  public let keyField: Int
  /// Whether several rows may share a key.
  public let allowsDuplicateKeys: Bool
  /// Where the rows came from (a file path, a snapshot path, or a description).
  public let source: String
  /// The key index.
  public let index: CatalogKeyIndex

  /// Creates a table from columns, building the key index.
  /// - Throws: ``CatalogTableError/duplicateKey(_:rows:)`` when a key repeats and repeats are not
  ///   allowed.
  public convenience init(
    name: String, rowType: RecordType, columns: [CatalogColumn], keyField: Int,
    allowsDuplicateKeys: Bool, source: String
  ) throws(CatalogTableError) {
    let keys = columns[keyField]
    let index = try CatalogKeyIndex(
      count: keys.count, allowsDuplicates: allowsDuplicateKeys, key: { keys.value(at: $0) })
    self.init(
      name: name, rowType: rowType, columns: columns, keyField: keyField,
      allowsDuplicateKeys: allowsDuplicateKeys, source: source, index: index)
  }

  /// Creates a table from rows.
  /// - Throws: ``CatalogTableError/duplicateKey(_:rows:)`` when a key repeats and repeats are not
  ///   allowed.
  public convenience init(
    name: String, rowType: RecordType, rows: [RecordValue], keyField: Int,
    allowsDuplicateKeys: Bool, source: String
  ) throws(CatalogTableError) {
    var builders = rowType.fields.map { CatalogColumnBuilder(type: $0.type) }
    for row in rows {
      for (field, value) in row.fields.enumerated() { builders[field].append(value) }
    }
    try self.init(
      name: name, rowType: rowType, columns: builders.map { $0.build() }, keyField: keyField,
      allowsDuplicateKeys: allowsDuplicateKeys, source: source)
  }

  /// Creates a table from columns and an index already built (for snapshot readers, which
  /// verify their data before trusting it).
  public init(
    name: String, rowType: RecordType, columns: [CatalogColumn], keyField: Int,
    allowsDuplicateKeys: Bool, source: String, index: CatalogKeyIndex
  ) {
    self.name = name
    self.rowType = rowType
    self.columns = columns
    self.count = columns.first?.count ?? 0
    self.keyField = keyField
    self.allowsDuplicateKeys = allowsDuplicateKeys
    self.source = source
    self.index = index
  }

  /// The row at a position (0-based, document order).
  public func row(at position: Int) -> RecordValue {
    RecordValue(type: rowType, fields: columns.map { $0.value(at: position) })
  }

  /// Every row in document order (materialised: use for small catalogs or `count`-style scans).
  public var rows: [RecordValue] { (0..<count).map(row(at:)) }

  /// The first row with a key.
  public func row(forKey key: Value) -> RecordValue? {
    index.first(matching: key, key: { columns[keyField].value(at: $0) }).map(row(at:))
  }

  /// The rows with a key, in document order (empty when there is none).
  public func rows(forKey key: Value) -> [RecordValue] {
    index.all(matching: key, key: { columns[keyField].value(at: $0) }).map(row(at:))
  }

  /// Bytes held by the columns and the index (an estimate for reports).
  public var byteCount: Int {
    columns.reduce(0) { $0 + $1.byteCount } + index.slots.count * 4 + index.next.count * 4
  }
}

/// An open-addressing hash index from keys to rows, with a deterministic hash so a snapshot can
/// store it as is.
public struct CatalogKeyIndex: Sendable {
  /// Power-of-two slots holding `row + 1` (0: empty), probed linearly.
  public let slots: [UInt32]
  /// For catalogs with repeated keys: per row, `next row with the same key + 1` (0: none), in
  /// document order. Empty when keys are unique.
  public let next: [UInt32]

  /// Creates an index from stored arrays.
  public init(slots: [UInt32], next: [UInt32]) {
    self.slots = slots
    self.next = next
  }

  /// Builds the index of `count` rows whose keys `key` gives.
  /// - Throws: ``CatalogTableError/duplicateKey(_:rows:)`` on a repeated key when not allowed.
  public init(count: Int, allowsDuplicates: Bool, key: (Int) -> Value) throws(CatalogTableError) {
    var capacity = 8
    while capacity * 3 < count * 4 { capacity <<= 1 }
    var slots = [UInt32](repeating: 0, count: capacity)
    var next = allowsDuplicates ? [UInt32](repeating: 0, count: count) : []
    var tails = allowsDuplicates ? [UInt32](repeating: 0, count: capacity) : []
    let mask = capacity - 1
    for row in 0..<count {
      let value = key(row)
      var slot = Int(truncatingIfNeeded: Self.hash(value)) & mask
      while true {
        let occupant = slots[slot]
        if occupant == 0 {
          slots[slot] = UInt32(row + 1)
          if allowsDuplicates { tails[slot] = UInt32(row + 1) }
          break
        }
        let other = Int(occupant) - 1
        if key(other) == value {
          guard allowsDuplicates else { throw .duplicateKey(value, rows: [other, row]) }
          next[Int(tails[slot]) - 1] = UInt32(row + 1)
          tails[slot] = UInt32(row + 1)
          break
        }
        slot = (slot + 1) & mask
      }
    }
    self.slots = slots
    self.next = next
  }

  /// The first row whose key equals `value`.
  public func first(matching value: Value, key: (Int) -> Value) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Self.hash(value)) & mask
    while true {
      let occupant = slots[slot]
      if occupant == 0 { return nil }
      if key(Int(occupant) - 1) == value { return Int(occupant) - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// Every row whose key equals `value`, in document order.
  public func all(matching value: Value, key: (Int) -> Value) -> [Int] {
    guard var row = first(matching: value, key: key) else { return [] }
    var rows = [row]
    while !next.isEmpty, next[row] != 0 {
      row = Int(next[row]) - 1
      rows.append(row)
    }
    return rows
  }

  /// A deterministic 64-bit hash of a key (FNV-1a over a canonical encoding, then a final
  /// mix), the same in every process so stored indexes stay valid.
  public static func hash(_ value: Value) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix<T: FixedWidthInteger>(_ number: T) {
      var remaining = number.littleEndian
      for _ in 0..<MemoryLayout<T>.size {
        hash = (hash ^ UInt64(truncatingIfNeeded: remaining & 0xFF)) &* 0x100_0000_01b3
        remaining >>= 8
      }
    }
    switch value {
    case .text(let text):
      var copy = text
      copy.withUTF8 { bytes in
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      }
    case .int(let number): mix(number)
    case .decimal(let number), .percent(let number): mix(number.units)
    case .date(let date): mix(date.daysSinceEpoch)
    case .enumCase(let enumCase): mix(Int64(enumCase.ordinal))
    case .bool(let flag): mix(UInt8(flag ? 1 : 0))
    default:
      for byte in value.description.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    // Final avalanche (from MurmurHash3) so low bits depend on every byte.
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
  }
}

/// Why a table could not be built.
public enum CatalogTableError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A key occurs in two rows (by position) of a catalog without `multiple`.
  case duplicateKey(Value, rows: [Int])

  /// A one-line description.
  public var description: String {
    switch self {
    case .duplicateKey(let key, let rows):
      return "duplicate key \(key) in rows \(rows.map { String($0 + 1) }.joined(separator: " and "))"
    }
  }
}
