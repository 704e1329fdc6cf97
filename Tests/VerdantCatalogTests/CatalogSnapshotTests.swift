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
}
