import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Snapshots: exact round trips, and rejection when corrupt or stale.
@Suite struct CatalogSnapshotTests {
  static let grade = EnumType(name: "Grade", cases: ["A", "B", "C"])
  static let regions = RegionHierarchy(codes: ["CN", "CN-ZJ", "EU"], parents: [nil, 0, nil])

  func typesMapping(rate: ValueType = .decimal) throws -> CatalogMapping {
    try makeMapping(
      name: "types", records: "/rows/row",
      fields: [
        ("id", .text, "@id"), ("count", .int, "@count"), ("rate", rate, "@rate"),
        ("share", .percent, "@share"), ("fee", .money(Currency(code: "CNY")), "@fee"),
        ("price", .money(nil), "@price"), ("since", .date, "@since"), ("active", .bool, "@active"),
        ("grace", .duration, "@grace"), ("grade", .enumeration(Self.grade), "@grade"),
        ("region", .region, "@region"), ("note", .optional(.text), "@note"),
      ], regions: Self.regions)
  }

  /// Copies a fixture into `dir`, imports it and writes its snapshot.
  func snapshot(
    _ fixture: String, mapping: CatalogMapping, in dir: TemporaryDirectory
  ) throws -> (table: CatalogTable, xml: String, snapshot: String) {
    let xml = dir.path(fixture)
    try copyFile(Fixture.path(fixture), to: xml)
    let table = try CatalogImporter.importXML(at: xml, mapping: mapping)
    let snapshot = dir.path(fixture + ".vcat")
    try CatalogSnapshot.write(table, mapping: mapping, xmlPath: xml, to: snapshot)
    return (table, xml, snapshot)
  }

  @Test func roundTripsEveryTypeExactly() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (table, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    let loaded = try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    #expect(loaded.rows == table.rows)
    #expect(loaded.count == 3)
    #expect(loaded.name == "types")
    #expect(loaded.source == snapshot)
    #expect(loaded.row(forKey: .text("full"))?[field: "fee"] == table.rows[0][field: "fee"])
  }

  @Test func roundTripsRepeatedAndLongTexts() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let long = String(repeating: "长", count: 300)
    var xml = "<catalog><standard code=\"\(long)\">"
    for index in 0..<50 { xml += "<limit product=\"p\(index)\" mrl=\"0.\(index)1\"/>" }
    xml += "</standard></catalog>"
    let path = try dir.write(xml, to: "texts.xml")
    let mapping = try limitMapping()
    let table = try CatalogImporter.importXML(at: path, mapping: mapping)
    try CatalogSnapshot.write(table, mapping: mapping, xmlPath: path, to: dir.path("texts.vcat"))
    let loaded = try CatalogSnapshot.read(
      at: dir.path("texts.vcat"), mapping: mapping, xmlPath: path)
    #expect(loaded.rows == table.rows)
    #expect(loaded.rows.last?[field: "standard_code"] == .text(long))
  }

  @Test func roundTripsTheISO3166Catalog() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try makeMapping(
      records: "/iso_3166_2_entries/iso_3166_country/iso_3166_subset/iso_3166_2_entry",
      fields: [
        ("code", .text, "@code"), ("name", .text, "@name"), ("country", .text, "../../@code"),
      ])
    let (table, xml, snapshot) = try snapshot("iso_3166_2.xml", mapping: mapping, in: dir)
    let loaded = try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    #expect(loaded.rows == table.rows)
    #expect(loaded.row(forKey: .text("CN-33"))?[field: "name"] == .text("Zhejiang"))
  }

  @Test func aFlippedByteIsCorrupt() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (_, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    var bytes = try readFile(snapshot)
    bytes[bytes.count / 2] ^= 0x01
    try writeFile(bytes, to: snapshot)
    #expect(
      throws: CatalogSnapshotError.corrupt(
        path: snapshot, reason: "its checksum does not match: it is truncated or altered")
    ) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
  }

  @Test func aTruncatedSnapshotIsCorrupt() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (_, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    let bytes = try readFile(snapshot)
    try writeFile(Array(bytes.dropLast(7)), to: snapshot)
    #expect(
      throws: CatalogSnapshotError.corrupt(
        path: snapshot, reason: "its checksum does not match: it is truncated or altered")
    ) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
    try writeFile(Array(bytes.prefix(20)), to: snapshot)
    #expect(
      throws: CatalogSnapshotError.corrupt(path: snapshot, reason: "not a Verdant catalog snapshot")
    ) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
  }

  @Test func aFileThatIsNotASnapshotIsCorrupt() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write(String(repeating: "<xml/>", count: 40), to: "fake.vcat")
    #expect(
      throws: CatalogSnapshotError.corrupt(path: path, reason: "not a Verdant catalog snapshot")
    ) {
      try CatalogSnapshot.read(at: path, mapping: try typesMapping(), xmlPath: nil)
    }
  }

  @Test func aChangedXMLMakesTheSnapshotStale() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (_, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    var text = try readFile(xml)
    text += Array("<!-- edited -->\n".utf8)
    try writeFile(text, to: xml)
    #expect(throws: CatalogSnapshotError.staleXML(path: snapshot, xmlPath: xml)) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
  }

  @Test func aTouchedXMLStaysFreshButAnEditOfTheSameSizeIsStale() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (table, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    // Same content, new modification time: the hash decides, and it still matches.
    try setModificationTime(xml, seconds: 1_700_000_000)
    #expect(
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml).rows == table.rows)
    // Same size, different content, new time: the hash no longer matches.
    var bytes = try readFile(xml)
    let index = try #require(bytes.firstIndex(of: UInt8(ascii: "4")))
    bytes[index] = UInt8(ascii: "5")
    try writeFile(bytes, to: xml)
    #expect(throws: CatalogSnapshotError.staleXML(path: snapshot, xmlPath: xml)) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
  }

  @Test func theXMLCheckIsSkippedWithoutAnXMLPathOrFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (table, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    try writeFile(Array("<rows/>".utf8), to: xml)
    #expect(
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: nil).rows == table.rows)
    try writeFile([], to: xml)
    #expect(
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: dir.path("gone.xml")).rows
        == table.rows)
  }

  @Test func aDifferentMappingMakesTheSnapshotStale() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let (_, xml, snapshot) = try snapshot("types.xml", mapping: try typesMapping(), in: dir)
    #expect(throws: CatalogSnapshotError.staleMapping(path: snapshot)) {
      try CatalogSnapshot.read(
        at: snapshot, mapping: try typesMapping(rate: .optional(.decimal)), xmlPath: xml)
    }
  }

  @Test func aRegionNoLongerDeclaredMakesTheSnapshotStale() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (_, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    // Regions are not part of the fingerprint; they are stored by code and resolved on load.
    let fewerRegions = try makeMapping(
      name: "types", records: "/rows/row",
      fields: mapping.fields.map { ($0.name, $0.type, $0.selector.description) },
      regions: RegionHierarchy(codes: ["CN"], parents: [nil]))
    #expect(throws: CatalogSnapshotError.staleMapping(path: snapshot)) {
      try CatalogSnapshot.read(at: snapshot, mapping: fewerRegions, xmlPath: xml)
    }
  }

  @Test func errorsSayHowToRebuild() {
    #expect(
      CatalogSnapshotError.staleXML(path: "gb.vcat", xmlPath: "gb.xml").description
        == "the catalog snapshot gb.vcat is out of date: gb.xml changed since it was made; "
        + "re-run `verdant import` to rebuild it")
    #expect(
      CatalogSnapshotError.staleMapping(path: "gb.vcat").description
        == "the catalog snapshot gb.vcat was made with a different catalog mapping; "
        + "re-run `verdant import` to rebuild it")
    #expect(
      CatalogSnapshotError.corrupt(path: "gb.vcat", reason: "x").description
        == "the catalog snapshot gb.vcat is corrupt (x); delete it and re-run `verdant import` "
        + "to rebuild it")
  }

  @Test func aMissingSnapshotIsUnreadable() throws {
    #expect(
      throws: CatalogSnapshotError.unreadable(
        path: "/nonexistent/x.vcat", reason: "No such file or directory")
    ) {
      try CatalogSnapshot.read(at: "/nonexistent/x.vcat", mapping: try typesMapping(), xmlPath: nil)
    }
  }

  // MARK: - Format 2

  /// A catalog big enough for raw columns: unique ids, numbers and dates, optional values,
  /// and a standard attribute missing on some standards.
  func largeCatalog(in dir: TemporaryDirectory) throws -> String {
    var xml = "<catalog>\n"
    for standard in 0..<40 {
      let effective =
        standard % 4 == 0 ? "" : " effective=\"20\(10 + standard % 15)-01-0\(1 + standard % 9)\""
      xml += "<standard code=\"GB \(2700 + standard)\"\(effective)>\n"
      for item in 0..<500 {
        let row = standard * 500 + item
        let note = row % 3 == 0 ? " note=\"n\(row % 7)\"" : ""
        xml +=
          "<limit id=\"L\(String(100_000 + row))\" product=\"p\(row % 37)\" "
          + "mrl=\"\(row).\(row % 1000)\" count=\"\(row * 3)\" "
          + "since=\"\(2000 + row % 25)-0\(1 + row % 9)-1\(row % 9)\"\(note)/>\n"
      }
      xml += "</standard>\n"
    }
    return try dir.write(xml + "</catalog>\n", to: "large.xml")
  }

  func largeMapping(key: String = "id", multiple: Bool = false) throws -> CatalogMapping {
    try makeMapping(
      name: "large", records: "/catalog/standard/limit",
      fields: [
        ("id", .text, "@id"), ("product", .text, "@product"), ("mrl", .decimal, "@mrl"),
        ("count", .int, "@count"), ("since", .date, "@since"), ("note", .optional(.text), "@note"),
        ("standard_code", .text, "../@code"), ("effective", .optional(.date), "../@effective"),
      ], key: key, multiple: multiple)
  }

  @Test func roundTripsALargeCatalogWithRawColumnsExactly() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let xml = try largeCatalog(in: dir)
    for mapping in [try largeMapping(), try largeMapping(key: "product", multiple: true)] {
      let table = try CatalogImporter.importXML(at: xml, mapping: mapping)
      #expect(table.count == 20_000)
      let snapshot = dir.path("large.vcat")
      try CatalogSnapshot.write(table, mapping: mapping, xmlPath: xml, to: snapshot)
      let loaded = try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
      #expect(loaded.rows == table.rows)
      #expect(loaded.index.slots == table.index.slots)
      #expect(loaded.index.next == table.index.next)
      if mapping.allowsDuplicateKeys {
        let rows = loaded.rows(forKey: .text("p5"))
        #expect(rows.count == 541)
        #expect(rows.first?[field: "id"] == .text("L100005"))
        #expect(rows.last?[field: "id"] == .text("L119985"))
      } else {
        let row = try #require(loaded.row(forKey: .text("L112345")))
        #expect(row[field: "mrl"] == .decimal(try decimal("12345.345")))
        #expect(row[field: "count"] == .int(37_035))
        #expect(row[field: "note"] == .text("n4"))
        #expect(row[field: "standard_code"] == .text("GB 2724"))
        #expect(row[field: "effective"] == .absent)
        #expect(loaded.row(forKey: .text("L112346"))?[field: "note"] == .absent)
      }
    }
  }

  @Test func aFlippedByteInAnArrayIsCorrupt() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let xml = try largeCatalog(in: dir)
    let mapping = try largeMapping()
    let table = try CatalogImporter.importXML(at: xml, mapping: mapping)
    let snapshot = dir.path("large.vcat")
    try CatalogSnapshot.write(table, mapping: mapping, xmlPath: xml, to: snapshot)
    let original = try readFile(snapshot)
    for position in [original.count / 3, original.count - 20, original.count - 1] {
      var bytes = original
      bytes[position] ^= 0x40
      try writeFile(bytes, to: snapshot)
      #expect(
        throws: CatalogSnapshotError.corrupt(
          path: snapshot, reason: "its checksum does not match: it is truncated or altered")
      ) {
        try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
      }
    }
  }

  /// Rewrites a snapshot's body and seals it with a valid checksum, as a deliberate edit
  /// would.
  func forge(_ snapshot: String, _ edit: (inout [UInt8]) -> Void) throws {
    var body = Array(try readFile(snapshot).dropLast(8))
    edit(&body)
    let checksum = XXHash64.hash(body)
    for shift in 0..<8 { body.append(UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(shift)))) }
    try writeFile(body, to: snapshot)
  }

  @Test func aForgedChecksumStillCannotSmuggleInBadArrays() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (_, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    let original = try readFile(snapshot)
    try forge(snapshot) { $0 += [0, 0, 0, 0, 0, 0, 0, 0] }
    #expect(
      throws: CatalogSnapshotError.corrupt(
        path: snapshot, reason: "unexpected bytes after the key index")
    ) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
    try writeFile(original, to: snapshot)
    try forge(snapshot) { $0.removeLast(12) }
    #expect(throws: CatalogSnapshotError.self) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
    // The last slot array entry names row 200 of 3.
    try writeFile(original, to: snapshot)
    try forge(snapshot) { body in
      // The `next` array is empty (8-byte count 0); the slots end just before it.
      body[body.count - 12] = 200
    }
    #expect(
      throws: CatalogSnapshotError.corrupt(
        path: snapshot, reason: "the key index names a row that does not exist")
    ) {
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    }
  }

  @Test func roundTripsAnEmptyTable() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try makeMapping(
      name: "types", records: "/rows/nothing",
      fields: try typesMapping().fields.map { ($0.name, $0.type, $0.selector.description) },
      regions: Self.regions)
    let (table, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    #expect(table.count == 0)
    let loaded = try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    #expect(loaded.count == 0)
    #expect(loaded.row(forKey: .text("full")) == nil)
  }

  @Test func aVersion1SnapshotIsRejectedAsIncompatible() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // A version 1 header: magic, version 1, then the rest of a v1 file.
    let bytes = Array("VCAT".utf8) + [1, 0, 0, 0] + [UInt8](repeating: 7, count: 120)
    let path = try dir.write(bytes, to: "old.vcat")
    #expect(throws: CatalogSnapshotError.incompatibleVersion(path: path, version: 1)) {
      try CatalogSnapshot.read(at: path, mapping: try typesMapping(), xmlPath: nil)
    }
    #expect(
      CatalogSnapshotError.incompatibleVersion(path: path, version: 1).description
        == "the catalog snapshot \(path) has format version 1, but this Verdant reads version 2; "
        + "re-run `verdant import` to rebuild it")
  }

  @Test func aRewriteReusesTheDigestOnlyWhileTheXMLIsUnchanged() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let mapping = try typesMapping()
    let (table, xml, snapshot) = try snapshot("types.xml", mapping: mapping, in: dir)
    let first = try readFile(snapshot)
    try CatalogSnapshot.write(table, mapping: mapping, xmlPath: xml, to: snapshot)
    #expect(try readFile(snapshot) == first)
    // The XML changes (same size, new time): the next write hashes it again.
    var bytes = try readFile(xml)
    let index = try #require(bytes.firstIndex(of: UInt8(ascii: "4")))
    bytes[index] = UInt8(ascii: "5")
    try writeFile(bytes, to: xml)
    try setModificationTime(xml, seconds: 1_600_000_000)
    let changed = try CatalogImporter.importXML(at: xml, mapping: mapping)
    try CatalogSnapshot.write(changed, mapping: mapping, xmlPath: xml, to: snapshot)
    #expect(Array(try readFile(snapshot)[8..<40]) == SHA256.hash(bytes))
    // The digest of a damaged snapshot is never reused, even for an unchanged XML.
    var damaged = try readFile(snapshot)
    damaged[10] ^= 0x01
    try writeFile(damaged, to: snapshot)
    try CatalogSnapshot.write(changed, mapping: mapping, xmlPath: xml, to: snapshot)
    #expect(Array(try readFile(snapshot)[8..<40]) == SHA256.hash(bytes))
    #expect(
      try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml).rows == changed.rows)
  }
}
