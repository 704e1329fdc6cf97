import Testing
import VerdantCatalog
import VerdantValues

/// Columnar storage: the builder's choice of storage, every storage kind's values, and the key
/// index built over them.
@Suite struct CatalogColumnTests {
  /// Builds a column from values.
  func column(_ type: ValueType, _ values: [Value]) -> CatalogColumn {
    var builder = CatalogColumnBuilder(type: type)
    for value in values { builder.append(value) }
    return builder.build()
  }

  func values(of column: CatalogColumn) -> [Value] {
    (0..<column.count).map(column.value(at:))
  }

  @Test func repeatedValuesAreInternedWithTheNarrowestCodes() {
    let few = (0..<1000).map { Value.text("p\($0 % 40)") }
    let small = column(.text, few)
    guard case .interned(let codes, let distinct) = small.storage else {
      Issue.record("expected interned storage, got \(small.storage)")
      return
    }
    #expect(codes.width == 1)
    #expect(distinct.count == 40)
    #expect(values(of: small) == few)

    let more = (0..<20_000).map { Value.text("product \($0 % 300)") }
    let wider = column(.text, more)
    guard case .interned(let wideCodes, _) = wider.storage else {
      Issue.record("expected interned storage, got \(wider.storage)")
      return
    }
    #expect(wideCodes.width == 2)
    #expect(values(of: wider) == more)
  }

  @Test func uniqueTextsOfOneLengthNeedNoOffsets() {
    let ids = (0..<20_000).map { Value.text("L\(String(100_000 + $0))") }
    let fixed = column(.text, ids)
    guard case .fixedText(let bytes, let width) = fixed.storage else {
      Issue.record("expected fixed-width text, got \(fixed.storage)")
      return
    }
    #expect(width == 7)
    #expect(bytes.count == 7 * 20_000)
    #expect(values(of: fixed) == ids)
    #expect(fixed.byteCount == 7 * 20_000)

    // One longer text switches to offsets; every earlier row keeps its value.
    let mixed = ids + [.text("a longer identifier")] + ids.prefix(3).map { _ in .text("x") }
    let variable = column(.text, mixed)
    guard case .text(_, let offsets) = variable.storage else {
      Issue.record("expected text with offsets, got \(variable.storage)")
      return
    }
    #expect(offsets.count == mixed.count + 1)
    #expect(values(of: variable) == mixed)
  }

  @Test func absentOptionalsKeepTheirPlaceInEveryStorage() {
    // Interned: absence is one of the distinct values.
    let repeated: [Value] = (0..<100).map { $0 % 3 == 0 ? .absent : .text("v\($0 % 2)") }
    #expect(values(of: column(.optional(.text), repeated)) == repeated)
    // Raw, with the first absent row after a full 64-row word and then mid-word.
    var unique: [Value] = (0..<20_000).map { .text("unique value \($0)") }
    unique[128] = .absent
    unique[19_999] = .absent
    unique[5_000] = .text("")
    let raw = column(.optional(.text), unique)
    #expect(raw.present != nil)
    #expect(values(of: raw) == unique)
    // Raw fixed width with absent rows (they hold zeros).
    var codes: [Value] = (0..<20_000).map { .text("C\(String(10_000 + $0))") }
    codes[70] = .absent
    let fixedRaw = column(.optional(.text), codes)
    #expect(values(of: fixedRaw) == codes)
    // Dates and integers.
    var days: [Value] = (0..<20_000).map {
      .date(CivilDate(daysSinceEpoch: Int32($0)) ?? CivilDate(year: 2000, month: 1, day: 1)!)
    }
    days[3] = .absent
    #expect(values(of: column(.optional(.date), days)) == days)
    var numbers: [Value] = (0..<20_000).map { .int(Int64($0) * 7 - 3) }
    numbers[19_000] = .absent
    #expect(values(of: column(.optional(.int), numbers)) == numbers)
  }

  @Test func decimalsAreStoredScaledUntilOneDoesNotFit() throws {
    var numbers: [Value] = try (0..<20_000).map { .decimal(try decimal("\($0).5")) }
    let scaled = column(.decimal, numbers)
    guard case .decimal(_, let scale) = scaled.storage else {
      Issue.record("expected scaled decimals, got \(scaled.storage)")
      return
    }
    #expect(scale == 1)
    #expect(values(of: scaled) == numbers)
    // A finer value raises the scale of every row.
    numbers.append(.decimal(try decimal("0.000001")))
    let finer = column(.decimal, numbers)
    guard case .decimal(_, let finerScale) = finer.storage else {
      Issue.record("expected scaled decimals, got \(finer.storage)")
      return
    }
    #expect(finerScale == 6)
    #expect(values(of: finer) == numbers)
    // A value whose scaled units pass Int64 widens the column to 128-bit units.
    numbers.append(.decimal(try decimal("123456789012345.000000001")))
    let wide = column(.decimal, numbers)
    guard case .wideDecimal = wide.storage else {
      Issue.record("expected 128-bit decimals, got \(wide.storage)")
      return
    }
    #expect(values(of: wide) == numbers)
    // A finer scale that some earlier rows cannot take widens them all, none half rescaled.
    let large: [Value] =
      try (0..<20_000).map {
        .decimal(try decimal("\($0 < 10_000 ? $0 : 1_000_000_000_000_000_000 + $0)"))
      }
      + [.decimal(try decimal("0.5"))]
    let widened = column(.decimal, large)
    guard case .wideDecimal = widened.storage else {
      Issue.record("expected 128-bit decimals, got \(widened.storage)")
      return
    }
    #expect(values(of: widened) == large)
    // Percents keep their kind.
    let percents: [Value] = try (0..<20_000).map { .percent(try decimal("\($0).25")) }
    #expect(values(of: column(.percent, percents)) == percents)
  }

  @Test func repeatingTheLastRowWorksInEveryStorage() {
    for base in [
      (0..<20).map { Value.text("p\($0 % 3)") },  // interned
      (0..<20_000).map { Value.text("unique value \($0)") },  // raw text
      (0..<20_000).map { Value.text("U\(String(10_000 + $0))") },  // fixed-width text
      (0..<20_000).map { Value.int(Int64($0)) },  // raw integers
    ] {
      var builder = CatalogColumnBuilder(type: .text)
      if case .int = base[0] { builder = CatalogColumnBuilder(type: .int) }
      var expected: [Value] = []
      for value in base {
        builder.append(value)
        builder.appendRepeat()
        expected += [value, value]
      }
      #expect(values(of: builder.build()) == expected)
    }
  }

  @Test func longRunsOfOneValueAreStoredAsRuns() throws {
    // A value inherited from an ancestor: 200 rows per standard.
    let inherited = (0..<40_000).map { Value.text("GB \(2700 + $0 / 200)") }
    let runs = column(.text, inherited)
    guard case .runs(let starts, let codes, let distinct, let count) = runs.storage else {
      Issue.record("expected runs, got \(runs.storage)")
      return
    }
    #expect(starts.count == 200)
    #expect(codes.width == 1)
    #expect(distinct.count == 200)
    #expect(count == 40_000)
    #expect(values(of: runs) == inherited)
    #expect(runs.byteCount < 10_000)
    // Repeats and absent values extend or start runs.
    var builder = CatalogColumnBuilder(type: .optional(.date))
    var expected: [Value] = []
    for row in 0..<30_000 {
      let value: Value =
        row / 500 % 3 == 0 ? .absent : .date(CivilDate(year: 2000 + row / 500, month: 1, day: 1)!)
      if row % 500 == 0 { builder.append(value) } else { builder.appendRepeat() }
      expected.append(value)
    }
    #expect(values(of: builder.build()) == expected)
    // Runs that turn short go back to a code per row.
    let shortening = inherited + (0..<60_000).map { Value.text("GB \(2700 + $0 % 150)") }
    let coded = column(.text, shortening)
    guard case .interned = coded.storage else {
      Issue.record("expected a code per row, got \(coded.storage)")
      return
    }
    #expect(values(of: coded) == shortening)
    // Runs of values that then mostly differ go raw.
    let unique = inherited + (0..<200_000).map { Value.text("unique \($0)") }
    let raw = column(.text, unique)
    guard case .text = raw.storage else {
      Issue.record("expected raw texts, got \(raw.storage)")
      return
    }
    #expect(values(of: raw) == unique)
  }

  @Test func otherTypesAreInternedAsValues() {
    let grade = EnumType(name: "Grade", cases: ["A", "B"])
    let cases: [Value] = (0..<100).map {
      .enumCase(EnumCase(type: grade, ordinal: $0 % 2))
    }
    #expect(values(of: column(.enumeration(grade), cases)) == cases)
    let flags: [Value] = (0..<20_000).map { $0 % 5 == 0 ? .absent : .bool($0 % 2 == 0) }
    #expect(values(of: column(.optional(.bool), flags)) == flags)
  }

  @Test func aValueOfAnotherKindIsKeptAsAValue() {
    var builder = CatalogColumnBuilder(type: .decimal)
    builder.append(.decimal(.one))
    builder.append(.int(3))
    #expect(values(of: builder.build()) == [.decimal(.one), .int(3)])
  }

  // MARK: - Index

  func table(_ keys: [Value], type: ValueType = .text, multiple: Bool = false) throws
    -> CatalogTable
  {
    let rowType = RecordType(
      name: "row",
      fields: [
        RecordType.Field(name: "key", type: type), RecordType.Field(name: "position", type: .int),
      ])
    let columns = [
      column(type, keys), column(.int, keys.indices.map { .int(Int64($0)) }),
    ]
    return try CatalogTable(
      name: "t", rowType: rowType, columns: columns, keyField: 0,
      allowsDuplicateKeys: multiple, source: "test")
  }

  @Test(arguments: [
    (0..<20_000).map { Value.text("L\(String(100_000 + $0))") },  // fixed-width text
    (0..<20_000).map { Value.text("key \($0)") },  // text with offsets
    (0..<50).map { Value.text("k\($0)") },  // interned
  ])
  func findsEveryKeyAndNothingElse(keys: [Value]) throws {
    let table = try table(keys)
    #expect(table.index.slots.count == CatalogKeyIndex.capacity(forRows: keys.count))
    for (position, key) in keys.enumerated() where position % 97 == 0 || position < 5 {
      #expect(table.row(forKey: key)?.fields[1] == .int(Int64(position)))
      #expect(table.rows(forKey: key).count == 1)
    }
    #expect(table.row(forKey: .text("missing")) == nil)
    #expect(table.row(forKey: .int(1)) == nil)
    #expect(table.rows(forKey: .text("")).isEmpty)
  }

  @Test func findsNumericKeys() throws {
    let numbers = (0..<20_000).map { Value.int(Int64($0) * 3) }
    let table = try table(numbers, type: .int)
    #expect(table.row(forKey: .int(2_997))?.fields[1] == .int(999))
    #expect(table.row(forKey: .int(2_998)) == nil)
    let amounts = try (0..<20_000).map { Value.decimal(try decimal("\($0).75")) }
    let decimals = try self.table(amounts, type: .decimal)
    #expect(decimals.row(forKey: .decimal(try decimal("12.75")))?.fields[1] == .int(12))
    #expect(decimals.row(forKey: .decimal(try decimal("12.5"))) == nil)
  }

  @Test func chainsRepeatedKeysInDocumentOrder() throws {
    let keys = (0..<20_000).map { Value.text("key \($0 % 1_000)") }
    let table = try table(keys, multiple: true)
    let rows = table.rows(forKey: .text("key 7"))
    #expect(rows.map { $0.fields[1] } == (0..<20).map { .int(Int64($0 * 1_000 + 7)) })
    #expect(table.row(forKey: .text("key 7"))?.fields[1] == .int(7))
  }

  @Test func reportsRepeatedKeysWhenNotAllowed() throws {
    let keys: [Value] = [.text("a"), .text("b"), .text("a"), .text("c"), .text("b"), .text("a")]
    #expect(throws: CatalogTableError.duplicateKey(.text("a"), rows: [0, 2])) {
      try table(keys)
    }
    var duplicates: [CatalogKeyIndex.Duplicate] = []
    _ = CatalogKeyIndex(
      column: column(.text, keys), allowsDuplicates: false, duplicateLimit: 10,
      duplicates: &duplicates)
    #expect(
      duplicates == [
        .init(first: 0, row: 2), .init(first: 1, row: 4), .init(first: 0, row: 5),
      ])
  }

  @Test func rowsMakeTheSameTableAsColumns() throws {
    let rowType = RecordType(
      name: "row",
      fields: [
        RecordType.Field(name: "key", type: .text),
        RecordType.Field(name: "note", type: .optional(.text)),
      ])
    let rows = (0..<300).map {
      RecordValue(
        type: rowType, fields: [.text("k\($0)"), $0 % 4 == 0 ? .absent : .text("n\($0 % 5)")])
    }
    let table = try CatalogTable(
      name: "t", rowType: rowType, rows: rows, keyField: 0, allowsDuplicateKeys: false,
      source: "test")
    #expect(table.rows == rows)
    #expect(table.row(forKey: .text("k42")) == rows[42])
  }
}

/// The snapshot body checksum.
@Suite struct XXHash64Tests {
  @Test(arguments: [
    ("", 0xef46_db37_51d8_e999 as UInt64), ("a", 0xd24e_c4f1_a98c_6e5b),
    ("abc", 0x44bc_2cf5_ad77_0999), ("0123456789abcdef0123456789abcdef", 0x642a_9495_8e71_e6c5),
  ])
  func referenceVectors(message: String, digest: UInt64) {
    #expect(XXHash64.hash(Array(message.utf8)) == digest)
  }

  @Test(arguments: [1, 3, 7, 8, 31, 32, 33, 64, 1000, 4096])
  func streamingInAnyChunkSizeMatches(chunkSize: Int) {
    let message = (0..<100_003).map { UInt8($0 % 251) }
    var hasher = XXHash64()
    var start = 0
    while start < message.count {
      let end = min(start + chunkSize, message.count)
      message[start..<end].withUnsafeBytes { hasher.update($0) }
      start = end
    }
    #expect(hasher.finalize() == 0xcbab_15ce_50b1_eb20)
    #expect(XXHash64.hash(message) == 0xcbab_15ce_50b1_eb20)
    #expect(XXHash64.hash(Array((0..<1024).map { UInt8($0 % 256) })) == 0x6f39_14f1_8fe4_df57)
  }
}
