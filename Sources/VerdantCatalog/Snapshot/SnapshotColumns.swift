import VerdantValues

/// The storage tags of snapshot columns (format 2).
enum SnapshotColumnTag: UInt8 {
  case interned = 0
  case text = 1
  case decimal = 2
  case wideDecimal = 3
  case int = 4
  case date = 5
  case values = 6
  case fixedText = 7
  case runs = 8
}

extension SnapshotEncoder {
  /// A segment of values: their count (8 bytes), their encoded length (8 bytes), the
  /// encoding (its own text table), padding.
  /// - Returns: `false` when a value is a record, list or set.
  mutating func values(_ values: [Value]) -> Bool {
    var segment = SnapshotEncoder(capacity: values.count * 4 + 16)
    for value in values where !segment.value(value) { return false }
    fixed(UInt64(values.count), width: 8)
    fixed(UInt64(segment.bytes.count), width: 8)
    append(segment.bytes)
    align()
    return true
  }

  /// One column: an 8-byte header, then its arrays (see `CatalogSnapshot`).
  /// - Returns: `false` when the column holds records, lists or sets.
  mutating func column(_ column: CatalogColumn) -> Bool {
    func header(_ tag: SnapshotColumnTag, parameter: Int = 0) {
      byte(tag.rawValue)
      byte(column.present == nil ? 0 : 1)
      byte(UInt8(truncatingIfNeeded: parameter))
      fixed(0, width: 5)
    }
    switch column.storage {
    case .interned(let codes, let values):
      header(.interned, parameter: codes.width)
      switch codes {
      case .uint8(let codes): array(codes)
      case .uint16(let codes): array(codes)
      case .uint32(let codes): array(codes)
      }
      guard self.values(values) else { return false }
    case .runs(let starts, let codes, let values, let count):
      header(.runs, parameter: codes.width)
      fixed(UInt64(count), width: 8)
      array(starts)
      switch codes {
      case .uint8(let codes): array(codes)
      case .uint16(let codes): array(codes)
      case .uint32(let codes): array(codes)
      }
      guard self.values(values) else { return false }
    case .text(let bytes, let offsets):
      header(.text)
      array(bytes)
      array(offsets)
    case .fixedText(let bytes, let width):
      header(.fixedText)
      fixed(UInt64(width), width: 8)
      array(bytes)
    case .decimal(let units, let scale):
      header(.decimal, parameter: scale)
      array(units)
    case .wideDecimal(let units):
      header(.wideDecimal)
      array(units)
    case .int(let numbers):
      header(.int)
      array(numbers)
    case .date(let days):
      header(.date)
      array(days)
    case .values(let values):
      header(.values)
      guard self.values(values) else { return false }
    }
    if let present = column.present { array(present) }
    return true
  }
}

extension SnapshotReader {
  /// One column of a field type, checked against the row count.
  func column(of type: ValueType, rows: Int, regions: RegionHierarchy)
    throws(Failure) -> CatalogColumn
  {
    let header = try bytes(8)
    let tagByte = header[0]
    let flags = header[1]
    let parameter = Int(header[2])
    guard let tag = SnapshotColumnTag(rawValue: tagByte), flags <= 1 else {
      throw Failure(reason: "a column has an unknown storage kind")
    }
    let unwrapped = type.unwrapped
    func require(_ condition: Bool) throws(Failure) {
      guard condition else {
        throw Failure(reason: "a stored column does not match its field type \(type)")
      }
    }
    func requireCount(_ count: Int) throws(Failure) {
      guard count == rows else { throw Failure(reason: "a column's length differs from the rows") }
    }
    let storage: CatalogColumn.Storage
    switch tag {
    case .interned:
      let codes: CatalogCodes
      switch parameter {
      case 1: codes = .uint8(try array(of: UInt8.self))
      case 2: codes = .uint16(try array(of: UInt16.self))
      case 4: codes = .uint32(try array(of: UInt32.self))
      default: throw Failure(reason: "a column's code width is invalid")
      }
      try requireCount(codes.count)
      let values = try self.values(of: type, regions: regions)
      guard codes.maximum < values.count else {
        throw Failure(reason: "a column's code is out of range")
      }
      storage = .interned(codes: codes, values: values)
    case .runs:
      try requireCount(Int(clamping: try fixed(width: 8)))
      let starts = try array(of: UInt32.self)
      let codes: CatalogCodes
      switch parameter {
      case 1: codes = .uint8(try array(of: UInt8.self))
      case 2: codes = .uint16(try array(of: UInt16.self))
      case 4: codes = .uint32(try array(of: UInt32.self))
      default: throw Failure(reason: "a column's code width is invalid")
      }
      let values = try self.values(of: type, regions: regions)
      guard codes.count == starts.count, (starts.isEmpty) == (rows == 0),
        starts.first.map({ $0 == 0 }) ?? true,
        SnapshotDecoder.strictlyAscend(starts, below: UInt32(truncatingIfNeeded: rows))
      else { throw Failure(reason: "a column's runs are out of order") }
      guard codes.maximum < values.count else {
        throw Failure(reason: "a column's code is out of range")
      }
      storage = .runs(starts: starts, codes: codes, values: values, count: rows)
    case .text:
      try require(unwrapped == .text)
      let bytes = try array(of: UInt8.self)
      let offsets = try array(of: UInt32.self)
      try requireCount(offsets.count - 1)
      guard SnapshotDecoder.ascend(offsets, from: 0, to: UInt32(truncatingIfNeeded: bytes.count)),
        bytes.count <= Int(UInt32.max)
      else { throw Failure(reason: "a text column's offsets are out of order") }
      storage = .text(bytes: bytes, offsets: offsets)
    case .fixedText:
      try require(unwrapped == .text)
      let width = try fixed(width: 8)
      let bytes = try array(of: UInt8.self)
      let (total, overflow) = UInt64(rows).multipliedReportingOverflow(by: width)
      guard width > 0, width <= UInt64(UInt32.max), !overflow else {
        throw Failure(reason: "a text column's width is invalid")
      }
      guard UInt64(bytes.count) == total else {
        throw Failure(reason: "a column's length differs from the rows")
      }
      storage = .fixedText(bytes: bytes, width: Int(width))
    case .decimal:
      try require(unwrapped == .decimal || unwrapped == .percent)
      guard parameter <= 18 else { throw Failure(reason: "a decimal column's scale is invalid") }
      let units = try array(of: Int64.self)
      try requireCount(units.count)
      storage = .decimal(units: units, scale: parameter)
    case .wideDecimal:
      try require(unwrapped == .decimal || unwrapped == .percent)
      let units = try array(of: Int128.self)
      try requireCount(units.count)
      guard !units.contains(.min) else { throw Failure(reason: "a decimal is out of range") }
      storage = .wideDecimal(units)
    case .int:
      try require(unwrapped == .int)
      let numbers = try array(of: Int64.self)
      try requireCount(numbers.count)
      storage = .int(numbers)
    case .date:
      try require(unwrapped == .date)
      let days = try array(of: Int32.self)
      try requireCount(days.count)
      if let lowest = days.min(), let highest = days.max() {
        guard CivilDate(daysSinceEpoch: lowest) != nil, CivilDate(daysSinceEpoch: highest) != nil
        else { throw Failure(reason: "a date is out of range") }
      }
      storage = .date(days)
    case .values:
      let values = try self.values(of: type, regions: regions)
      try requireCount(values.count)
      storage = .values(values)
    }
    var present: [UInt64]?
    if flags & 1 != 0 {
      try require(type.isOptional)
      let bits = try array(of: UInt64.self)
      guard bits.count == (rows + 63) / 64 else {
        throw Failure(reason: "a column's presence bits differ from the rows")
      }
      present = bits
    }
    return CatalogColumn(type: type, storage: storage, present: present)
  }

  /// A segment of values of a field type.
  func values(of type: ValueType, regions: RegionHierarchy) throws(Failure) -> [Value] {
    let count = try self.count()
    let segment = try self.segment()
    var decoder = SnapshotDecoder(bytes: segment, offset: 0)
    var values: [Value] = []
    values.reserveCapacity(min(count, segment.count))
    for _ in 0..<count { values.append(try decoder.value(of: type, regions: regions)) }
    guard decoder.offset == segment.count else {
      throw Failure(reason: "a column's values have trailing bytes")
    }
    return values
  }

}

extension SnapshotDecoder {
  /// Whether `offsets` starts at `first`, never decreases and ends at `last`.
  static func ascend(_ offsets: [UInt32], from first: UInt32, to last: UInt32) -> Bool {
    guard offsets.first == first, offsets.last == last else { return false }
    return offsets.withUnsafeBufferPointer { offsets in
      var descending = false
      for index in 1..<offsets.count {
        descending = descending || offsets[index] < offsets[index - 1]
      }
      return !descending
    }
  }

  /// Whether `starts` strictly increases and stays below `limit`.
  static func strictlyAscend(_ starts: [UInt32], below limit: UInt32) -> Bool {
    guard let last = starts.last else { return true }
    guard last < limit else { return false }
    return starts.withUnsafeBufferPointer { starts in
      var ascending = true
      for index in starts.indices.dropFirst() {
        ascending = ascending && starts[index] > starts[index - 1]
      }
      return ascending
    }
  }

  /// Checks a stored key index: its size, that entries name existing rows, and that chains of
  /// repeated keys only point forward (so following them always ends).
  static func checkIndex(slots: [UInt32], next: [UInt32], rows: Int, allowsDuplicates: Bool)
    throws(Failure)
  {
    guard slots.count == CatalogKeyIndex.capacity(forRows: rows) else {
      throw Failure(reason: "the key index has the wrong size")
    }
    let limit = UInt32(truncatingIfNeeded: rows)
    guard slots.max().map({ $0 <= limit }) ?? true else {
      throw Failure(reason: "the key index names a row that does not exist")
    }
    guard next.count == (allowsDuplicates ? rows : 0) else {
      throw Failure(reason: "the key index has the wrong size")
    }
    let forward = next.withUnsafeBufferPointer { next in
      var valid = true
      for index in 0..<next.count {
        let target = next[index]
        valid = valid && (target == 0 || (Int(target) > index + 1 && target <= limit))
      }
      return valid
    }
    guard forward else { throw Failure(reason: "the key index's chains are invalid") }
  }
}
