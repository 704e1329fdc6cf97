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
    var duplicates: [CatalogKeyIndex.Duplicate] = []
    let index = CatalogKeyIndex(
      column: keys, allowsDuplicates: allowsDuplicateKeys, duplicateLimit: 1,
      duplicates: &duplicates)
    if let duplicate = duplicates.first {
      throw .duplicateKey(keys.value(at: duplicate.row), rows: [duplicate.first, duplicate.row])
    }
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
    index.first(in: columns[keyField], matching: key).map(row(at:))
  }

  /// The rows with a key, in document order (empty when there is none).
  public func rows(forKey key: Value) -> [RecordValue] {
    index.all(in: columns[keyField], matching: key).map(row(at:))
  }

  /// Bytes held by the columns and the index (an estimate for reports).
  public var byteCount: Int {
    columns.reduce(0) { $0 + $1.byteCount } + index.slots.count * 4 + index.next.count * 4
  }
}

/// An open-addressing hash index from keys to rows, with a deterministic hash so a snapshot can
/// store it as is.
public struct CatalogKeyIndex: Sendable {
  /// Slots holding `row + 1` (0: empty), probed linearly from ``home(_:capacity:)``; there
  /// are ``capacity(forRows:)`` of them.
  public let slots: [UInt32]
  /// For catalogs with repeated keys: per row, `next row with the same key + 1` (0: none).
  ///
  /// Chains run in document order. Empty when keys are unique.
  public let next: [UInt32]

  /// A key found again: the rows (0-based) of its first occurrence and of the repeat.
  public struct Duplicate: Sendable, Hashable {
    /// The row where the key first occurs.
    public let first: Int
    /// The row that repeats it.
    public let row: Int

    /// Creates a duplicate.
    public init(first: Int, row: Int) {
      self.first = first
      self.row = row
    }
  }

  /// Creates an index from stored arrays.
  public init(slots: [UInt32], next: [UInt32]) {
    self.slots = slots
    self.next = next
  }

  /// The number of slots for `count` rows: at most 70% full (so every probe sequence ends
  /// at an empty slot within a few cache lines), and never fewer than 8.
  public static func capacity(forRows count: Int) -> Int {
    max(8, count + count * 3 / 7 + 1)
  }

  /// The slot a key's probe starts at: the hash scaled to the capacity (the high half of
  /// `hash × capacity`), so any capacity works, not only powers of two.
  @inline(__always)
  public static func home(_ hash: UInt64, capacity: Int) -> Int {
    Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(truncatingIfNeeded: capacity)).high)
  }

  /// Builds the index of `count` rows whose keys `key` gives.
  /// - Throws: ``CatalogTableError/duplicateKey(_:rows:)`` on a repeated key when not allowed.
  public init(count: Int, allowsDuplicates: Bool, key: (Int) -> Value) throws(CatalogTableError) {
    var duplicates: [Duplicate] = []
    let built = withoutActuallyEscaping(key) { key in
      Self.build(
        GenericKeys(key: key), count: count, allowsDuplicates: allowsDuplicates,
        duplicateLimit: 1, duplicates: &duplicates)
    }
    if let duplicate = duplicates.first {
      throw .duplicateKey(key(duplicate.row), rows: [duplicate.first, duplicate.row])
    }
    self = built
  }

  /// Builds the index of a key column straight from its storage (no `Value` per row), and
  /// collects repeated keys when they are not allowed.
  /// - Parameters:
  ///   - column: The key column.
  ///   - allowsDuplicates: Whether rows may share a key (`key … multiple`).
  ///   - duplicateLimit: The most duplicates to collect; the build stops at that many, and the
  ///     index is then incomplete (the caller reports them instead of using it).
  ///   - duplicates: Receives the repeats, in the order of the repeating rows.
  public init(
    column: CatalogColumn, allowsDuplicates: Bool, duplicateLimit: Int,
    duplicates: inout [Duplicate]
  ) {
    let count = column.count
    let limit = max(1, duplicateLimit)
    if column.present == nil {
      switch column.storage {
      case .text(let bytes, let offsets):
        self = bytes.withUnsafeBufferPointer { bytes in
          offsets.withUnsafeBufferPointer { offsets in
            Self.build(
              TextKeys(bytes: bytes, offsets: offsets), count: count,
              allowsDuplicates: allowsDuplicates, duplicateLimit: limit, duplicates: &duplicates)
          }
        }
        return
      case .fixedText(let bytes, let width):
        self = bytes.withUnsafeBufferPointer { bytes in
          Self.build(
            FixedTextKeys(bytes: bytes, width: width), count: count,
            allowsDuplicates: allowsDuplicates, duplicateLimit: limit, duplicates: &duplicates)
        }
        return
      case .interned(let codes, let values):
        let hashes = values.map(Self.hash)
        switch codes {
        case .uint8(let codes):
          self = codes.withUnsafeBufferPointer {
            Self.build(
              CodeKeys(codes: $0, hashes: hashes), count: count,
              allowsDuplicates: allowsDuplicates, duplicateLimit: limit, duplicates: &duplicates)
          }
        case .uint16(let codes):
          self = codes.withUnsafeBufferPointer {
            Self.build(
              CodeKeys(codes: $0, hashes: hashes), count: count,
              allowsDuplicates: allowsDuplicates, duplicateLimit: limit, duplicates: &duplicates)
          }
        case .uint32(let codes):
          self = codes.withUnsafeBufferPointer {
            Self.build(
              CodeKeys(codes: $0, hashes: hashes), count: count,
              allowsDuplicates: allowsDuplicates, duplicateLimit: limit, duplicates: &duplicates)
          }
        }
        return
      default:
        break
      }
    }
    self = Self.build(
      GenericKeys(key: column.value(at:)), count: count, allowsDuplicates: allowsDuplicates,
      duplicateLimit: limit, duplicates: &duplicates)
  }

  /// The shared build loop.
  private static func build<Keys: IndexKeys>(
    _ keys: Keys, count: Int, allowsDuplicates: Bool, duplicateLimit: Int,
    duplicates: inout [Duplicate]
  ) -> CatalogKeyIndex {
    let capacity = capacity(forRows: count)
    var slots = [UInt32](repeating: 0, count: capacity)
    var next = allowsDuplicates ? [UInt32](repeating: 0, count: count) : []
    // The last row of each key's chain, by the slot of its first row.
    var tails = allowsDuplicates ? [UInt32](repeating: 0, count: capacity) : []
    // Rows go in batches: the batch's hashes are computed and their slots read first, so the
    // cache misses of a batch overlap instead of following one another (the slots are spread
    // over megabytes); the inserts then find those slots in cache.
    let batchSize = 32
    var batch = [UInt64](repeating: 0, count: batchSize)
    var seen = [UInt32](repeating: 0, count: batchSize)
    slots.withUnsafeMutableBufferPointer { slots in
      batch.withUnsafeMutableBufferPointer { batch in
        seen.withUnsafeMutableBufferPointer { seen in
          var start = 0
          batches: while start < count {
            let end = min(start + batchSize, count)
            // Four passes of independent loads: hashes (the keys, read in order), the home
            // slots, then where each occupant's key is, then its first bytes (a collision
            // compares with them).
            for row in start..<end {
              batch[row - start] = keys.hash(row)
            }
            for index in 0..<(end - start) {
              seen[index] = slots[Self.home(batch[index], capacity: capacity)]
            }
            for index in 0..<(end - start) where seen[index] != 0 {
              seen[index] = keys.locate(Int(seen[index]) - 1)
            }
            for index in 0..<(end - start) where seen[index] != 0 {
              seen[index] = keys.peek(seen[index])
            }
            for row in start..<end {
              var slot = Self.home(batch[row - start], capacity: capacity)
              while true {
                let occupant = slots[slot]
                if occupant == 0 {
                  slots[slot] = UInt32(truncatingIfNeeded: row + 1)
                  if allowsDuplicates { tails[slot] = UInt32(truncatingIfNeeded: row + 1) }
                  break
                }
                let other = Int(occupant) - 1
                if keys.equal(other, row) {
                  guard allowsDuplicates else {
                    duplicates.append(Duplicate(first: other, row: row))
                    if duplicates.count >= duplicateLimit { break batches }
                    break
                  }
                  next[Int(tails[slot]) - 1] = UInt32(truncatingIfNeeded: row + 1)
                  tails[slot] = UInt32(truncatingIfNeeded: row + 1)
                  break
                }
                slot += 1
                if slot == capacity { slot = 0 }
              }
            }
            start = end
          }
        }
      }
    }
    return CatalogKeyIndex(slots: slots, next: next)
  }

  /// The first row whose key equals `value`.
  public func first(matching value: Value, key: (Int) -> Value) -> Int? {
    first(value) { key($0) == value }
  }

  /// The first row of `column` (the key column) whose key equals `value`.
  public func first(in column: CatalogColumn, matching value: Value) -> Int? {
    first(value) { column.matches($0, value) }
  }

  private func first(_ value: Value, equals: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let capacity = slots.count
    var slot = Self.home(Self.hash(value), capacity: capacity)
    // A stored index always has an empty slot; the bound only guards against a damaged one.
    for _ in 0..<slots.count {
      let occupant = slots[slot]
      if occupant == 0 { return nil }
      if equals(Int(occupant) - 1) { return Int(occupant) - 1 }
      slot += 1
      if slot == capacity { slot = 0 }
    }
    return nil
  }

  /// Every row whose key equals `value`, in document order.
  public func all(matching value: Value, key: (Int) -> Value) -> [Int] {
    chain(from: first(matching: value, key: key))
  }

  /// Every row of `column` (the key column) whose key equals `value`, in document order.
  public func all(in column: CatalogColumn, matching value: Value) -> [Int] {
    chain(from: first(in: column, matching: value))
  }

  private func chain(from start: Int?) -> [Int] {
    guard var row = start else { return [] }
    var rows = [row]
    // INVARIANT: `next` only points forward (snapshot readers check it), so this ends.
    while row < next.count, next[row] != 0 {
      row = Int(next[row]) - 1
      rows.append(row)
    }
    return rows
  }

  /// A deterministic 64-bit hash of a key (FNV-1a over a canonical encoding, then a final
  /// mix), the same in every process so stored indexes stay valid.
  public static func hash(_ value: Value) -> UInt64 {
    var hash: UInt64 = fnvOffset
    func mix<T: FixedWidthInteger>(_ number: T) {
      var remaining = number.littleEndian
      for _ in 0..<MemoryLayout<T>.size {
        hash = (hash ^ UInt64(truncatingIfNeeded: remaining & 0xFF)) &* fnvPrime
        remaining >>= 8
      }
    }
    switch value {
    case .text(let text):
      var copy = text
      return copy.withUTF8 { Self.hash(bytes: $0) }
    case .int(let number): mix(number)
    case .decimal(let number), .percent(let number): mix(number.units)
    case .date(let date): mix(date.daysSinceEpoch)
    case .enumCase(let enumCase): mix(Int64(enumCase.ordinal))
    case .bool(let flag): mix(UInt8(flag ? 1 : 0))
    default:
      for byte in value.description.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
    }
    return avalanche(hash)
  }

  /// The hash of a text key from its UTF-8 bytes (equal to `hash(.text(…))`).
  @inline(__always)
  public static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = fnvOffset
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* fnvPrime }
    return avalanche(hash)
  }

  private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let fnvPrime: UInt64 = 0x100_0000_01b3

  /// Final avalanche (from MurmurHash3) so low bits depend on every byte.
  @inline(__always)
  private static func avalanche(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
  }
}

/// What the index build needs of a key column.
private protocol IndexKeys {
  func hash(_ row: Int) -> UInt64
  func equal(_ a: Int, _ b: Int) -> Bool
  /// Where a row's key is stored (read only to bring it into cache; 0 when not useful).
  func locate(_ row: Int) -> UInt32
  /// A word at a location from `locate` (read only to bring it into cache).
  func peek(_ location: UInt32) -> UInt32
}

extension IndexKeys {
  func locate(_ row: Int) -> UInt32 { 0 }
  func peek(_ location: UInt32) -> UInt32 { 0 }
}

/// Raw text keys, hashed and compared as bytes.
private struct TextKeys: IndexKeys {
  let bytes: UnsafeBufferPointer<UInt8>
  let offsets: UnsafeBufferPointer<UInt32>

  @inline(__always)
  func text(_ row: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[Int(offsets[row])..<Int(offsets[row + 1])])
  }

  @inline(__always)
  func hash(_ row: Int) -> UInt64 { CatalogKeyIndex.hash(bytes: text(row)) }

  @inline(__always)
  func locate(_ row: Int) -> UInt32 { offsets[row] | 0x8000_0000 }

  @inline(__always)
  func peek(_ location: UInt32) -> UInt32 {
    let offset = Int(location & 0x7FFF_FFFF)
    return offset < bytes.count ? UInt32(bytes[offset]) : 0
  }

  @inline(__always)
  func equal(_ a: Int, _ b: Int) -> Bool {
    let left = text(a)
    let right = text(b)
    guard left.count == right.count else { return false }
    guard let l = left.baseAddress, let r = right.baseAddress else { return true }
    return memoryEquals(l, r, left.count)
  }
}

/// Texts of one length, hashed and compared as bytes.
private struct FixedTextKeys: IndexKeys {
  let bytes: UnsafeBufferPointer<UInt8>
  let width: Int

  @inline(__always)
  func text(_ row: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[(row &* width)..<(row &* width &+ width)])
  }

  @inline(__always)
  func hash(_ row: Int) -> UInt64 { CatalogKeyIndex.hash(bytes: text(row)) }

  @inline(__always)
  func locate(_ row: Int) -> UInt32 { UInt32(truncatingIfNeeded: row) | 0x8000_0000 }

  @inline(__always)
  func peek(_ location: UInt32) -> UInt32 {
    let offset = Int(location & 0x7FFF_FFFF) &* width
    return offset < bytes.count ? UInt32(bytes[offset]) : 0
  }

  @inline(__always)
  func equal(_ a: Int, _ b: Int) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return memoryEquals(base + a &* width, base + b &* width, width)
  }
}

/// Interned keys: equal codes are equal values, and each distinct value is hashed once.
private struct CodeKeys<Code: FixedWidthInteger>: IndexKeys {
  let codes: UnsafeBufferPointer<Code>
  let hashes: [UInt64]

  @inline(__always)
  func hash(_ row: Int) -> UInt64 { hashes[Int(codes[row])] }

  @inline(__always)
  func equal(_ a: Int, _ b: Int) -> Bool { codes[a] == codes[b] }
}

/// Any keys, through their values.
private struct GenericKeys: IndexKeys {
  let key: (Int) -> Value

  func hash(_ row: Int) -> UInt64 { CatalogKeyIndex.hash(key(row)) }
  func equal(_ a: Int, _ b: Int) -> Bool { key(a) == key(b) }
}

extension CatalogColumn {
  /// Whether row `row` holds `value`, comparing texts as bytes without making a `String`.
  public func matches(_ row: Int, _ value: Value) -> Bool {
    let stored: (bytes: [UInt8], start: Int, end: Int)?
    switch storage {
    case .text(let bytes, let offsets): stored = (bytes, Int(offsets[row]), Int(offsets[row + 1]))
    case .fixedText(let bytes, let width): stored = (bytes, row * width, row * width + width)
    default: stored = nil
    }
    if let (bytes, start, end) = stored, isPresent(row) {
      guard case .text(let query) = value else { return false }
      var text = query
      return text.withUTF8 { query in
        guard query.count == end - start else { return false }
        return bytes.withUnsafeBufferPointer { stored in
          guard let base = stored.baseAddress, let other = query.baseAddress else { return true }
          return memoryEquals(base + start, other, query.count)
        }
      }
    }
    return self.value(at: row) == value
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
      return
        "duplicate key \(key) in rows \(rows.map { String($0 + 1) }.joined(separator: " and "))"
    }
  }
}
