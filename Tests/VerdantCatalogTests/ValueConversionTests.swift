import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Every field type a catalog can declare, converted exactly from XML text.
@Suite struct ValueConversionTests {
  static let grade = EnumType(name: "Grade", cases: ["A", "B", "C"])
  static let regions = RegionHierarchy(codes: ["CN", "CN-ZJ", "EU"], parents: [nil, 0, nil])

  func typesMapping() throws -> CatalogMapping {
    try makeMapping(
      name: "types", records: "/rows/row",
      fields: [
        ("id", .text, "@id"),
        ("count", .int, "@count"),
        ("rate", .decimal, "@rate"),
        ("share", .percent, "@share"),
        ("fee", .money(Currency(code: "CNY")), "@fee"),
        ("price", .money(nil), "@price"),
        ("since", .date, "@since"),
        ("active", .bool, "@active"),
        ("grace", .duration, "@grace"),
        ("grade", .enumeration(Self.grade), "@grade"),
        ("region", .region, "@region"),
        ("note", .optional(.text), "@note"),
      ], regions: Self.regions)
  }

  func money(_ amount: String, _ code: String) throws -> Value {
    .money(Money(amount: try decimal(amount), currency: try #require(Currency(code: code))))
  }

  func date(_ text: String) throws -> Value { .date(try #require(CivilDate(iso8601: text))) }

  @Test func convertsEveryTypeExactly() throws {
    let table = try CatalogImporter.importXML(
      at: Fixture.path("types.xml"), mapping: try typesMapping())
    #expect(table.count == 3)
    #expect(
      values(table.row(forKey: .text("full"))) == [
        "id": .text("full"), "count": .int(-42), "rate": .decimal(try decimal("0.125")),
        "share": .percent(try decimal("12.5")), "fee": try money("1200.50", "CNY"),
        "price": try money("99.90", "EUR"), "since": try date("2025-07-01"),
        "active": .bool(true), "grace": .duration(CalendarDuration(amount: 30, unit: .days)),
        "grade": .enumCase(EnumCase(type: Self.grade, ordinal: 1)),
        "region": .region(Region(hierarchy: Self.regions, index: 1)), "note": .text("present"),
      ])
  }

  @Test func acceptsTheAlternativeSpellings() throws {
    let table = try CatalogImporter.importXML(
      at: Fixture.path("types.xml"), mapping: try typesMapping())
    #expect(
      values(table.row(forKey: .text("variants"))) == [
        "id": .text("variants"), "count": .int(7), "rate": .decimal(ExactDecimal(1000)),
        "share": .percent(try decimal("12.5")), "fee": try money("0.01", "CNY"),
        "price": try money("5", "USD"), "since": try date("2024-02-29"),
        "active": .bool(false), "grace": .duration(CalendarDuration(amount: 1, unit: .years)),
        "grade": .enumCase(EnumCase(type: Self.grade, ordinal: 0)),
        "region": .region(Region(hierarchy: Self.regions, index: 2)), "note": .absent,
      ])
  }

  @Test func emptyTextForAnOptionalFieldIsAbsent() throws {
    let table = try CatalogImporter.importXML(
      at: Fixture.path("types.xml"), mapping: try typesMapping())
    let row = values(table.row(forKey: .text("empty-optional")))
    #expect(row["note"] == .absent)
    #expect(row["active"] == .bool(true))
    #expect(row["grace"] == .duration(CalendarDuration(amount: 2, unit: .weeks)))
    #expect(row["region"] == .region(Region(hierarchy: Self.regions, index: 0)))
  }

  /// One bad value per type, each in its own one-record document.
  static let badValues: [(type: ValueType, text: String, message: String)] = [
    (.int, "12.5", "field `v`: `12.5` is not a Int"),
    (.decimal, "0,05", "field `v`: `0,05` is not a Decimal"),
    (.percent, "12,5%", "field `v`: `12,5%` is not a Percent"),
    (.money(Currency(code: "CNY")), "12 EUR", "field `v`: `12 EUR` is not a Money<CNY>"),
    (.money(nil), "12.5", "field `v`: `12.5` is not a Money"),
    (.date, "2025-13-01", "field `v`: `2025-13-01` is not a Date"),
    (.bool, "yes", "field `v`: `yes` is not a Bool"),
    (.duration, "30 dayz", "field `v`: `30 dayz` is not a Duration"),
    (.enumeration(grade), "E", "field `v`: `E` is not a Grade"),
    (.region, "US", "field `v`: `US` is not a Region"),
  ]

  @Test(arguments: badValues)
  func reportsAValueThatDoesNotConvert(type: ValueType, text: String, message: String) throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("<rows>\n  <row id=\"x\" v=\"\(text)\"/>\n</rows>\n", to: "bad.xml")
    let mapping = try makeMapping(
      records: "/rows/row", fields: [("id", .text, "@id"), ("v", type, "@v")],
      regions: Self.regions)
    let diagnostics = importFailure(path, mapping: mapping)
    #expect(diagnostics.map(Reported.init) == [Reported("V3004", 2, 15, message)])
    #expect(diagnostics.first?.span.text == "v=\"\(text)\"")
  }

  @Test func aBadEnumCaseSuggestsTheNearestCase() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("<rows><row id=\"x\" v=\"b\"/></rows>", to: "bad.xml")
    let mapping = try makeMapping(
      records: "/rows/row", fields: [("id", .text, "@id"), ("v", .enumeration(Self.grade), "@v")])
    let diagnostics = importFailure(path, mapping: mapping)
    #expect(diagnostics.map(\.help) == ["did you mean `B`? (use one of the cases: A, B, C)"])
  }
}
