import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Record paths, selectors and namespaces.
@Suite struct CatalogImporterTests {
  @Test func importsAttributesAndAncestorAttributes() throws {
    let mapping = try makeMapping(
      name: "gb2763", records: "/catalog/standard/limit",
      fields: [
        ("product", .text, "@product"),
        ("mrl_mg_per_kg", .decimal, "@mrl"),
        ("standard_code", .text, "../@code"),
        ("effective", .optional(.date), "../@effective"),
        ("issuer", .text, "../../@issuer"),
      ], key: "product")
    let table = try CatalogImporter.importXML(at: Fixture.path("gb2763.xml"), mapping: mapping)

    #expect(table.count == 3)
    #expect(table.name == "gb2763")
    #expect(table.source == Fixture.path("gb2763.xml"))
    #expect(
      table.rows.map { $0[field: "product"] } == [.text("apple"), .text("rice"), .text("tea")])
    let apple = values(table.row(forKey: .text("apple")))
    #expect(apple["mrl_mg_per_kg"] == .decimal(try decimal("0.05")))
    #expect(apple["standard_code"] == .text("GB 2763-2021"))
    #expect(apple["effective"] == .date(try #require(CivilDate(iso8601: "2021-09-03"))))
    #expect(apple["issuer"] == .text("NHC"))
    let tea = values(table.row(forKey: .text("tea")))
    #expect(tea["mrl_mg_per_kg"] == .decimal(ExactDecimal(2)))
    #expect(tea["standard_code"] == .text("GB 2763.1-2022"))
    #expect(tea["effective"] == .absent)
  }

  @Test func importsChildTextGrandchildTextAndChildAttributes() throws {
    let mapping = try makeMapping(
      records: "/items/item",
      fields: [
        ("code", .text, "@code"),
        ("name", .text, "name"),
        ("origin", .optional(.text), "details/origin"),
        ("country", .optional(.text), "details/origin/@country"),
      ])
    let table = try CatalogImporter.importXML(at: Fixture.path("items.xml"), mapping: mapping)

    #expect(table.count == 3)
    #expect(
      values(table.row(forKey: .text("A1"))) == [
        "code": .text("A1"), "name": .text("Apple juice"), "origin": .text("Zhejiang"),
        "country": .text("CN"),
      ])
    #expect(
      values(table.row(forKey: .text("B2"))) == [
        "code": .text("B2"), "name": .text("Bamboo shoots"), "origin": .text("Kyoto"),
        "country": .text("JP"),
      ])
    #expect(
      values(table.row(forKey: .text("C3"))) == [
        "code": .text("C3"), "name": .text("Chestnuts"), "origin": .absent, "country": .absent,
      ])
  }

  @Test func importsTheRecordElementsOwnText() throws {
    let mapping = try makeMapping(records: "/codes/code", fields: [("code", .text, ".")])
    let table = try CatalogImporter.importXML(at: Fixture.path("codes.xml"), mapping: mapping)
    #expect(table.rows.map { $0.fields } == [[.text("alpha")], [.text("beta")]])
  }

  @Test func recordPathPredicatesSelectOneStandard() throws {
    let mapping = try limitMapping(records: "/catalog/standard[@code='GB 2763.1-2022']/limit")
    let table = try CatalogImporter.importXML(at: Fixture.path("gb2763.xml"), mapping: mapping)
    #expect(table.rows.map { $0[field: "product"] } == [.text("tea")])
  }

  @Test func selectorStepPredicatesPickTheMatchingChild() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write(
      """
      <list>
        <Row>
          <Value ColumnRef="Name"><SimpleValue>Apple</SimpleValue></Value>
          <Value ColumnRef="code"><SimpleValue>apl</SimpleValue></Value>
        </Row>
      </list>
      """, to: "rows.xml")
    let mapping = try makeMapping(
      records: "/list/Row",
      fields: [
        ("code", .text, "Value[@ColumnRef='code']/SimpleValue"),
        ("name", .text, "Value[@ColumnRef='Name']/SimpleValue"),
        ("missing", .optional(.text), "Value[@ColumnRef='none']/SimpleValue"),
      ])
    let table = try CatalogImporter.importXML(at: path, mapping: mapping)
    #expect(table.rows.map(\.fields) == [[.text("apl"), .text("Apple"), .absent]])
  }

  @Test func unprefixedNamesMatchADefaultNamespace() throws {
    // gb2763.xml declares xmlns="urn:example:gb2763"; the mapping names no namespace.
    let table = try CatalogImporter.importXML(
      at: Fixture.path("gb2763.xml"), mapping: try limitMapping())
    #expect(table.count == 3)
  }

  @Test func prefixedNamesMatchTheDeclaredNamespaceWhateverPrefixTheDocumentUses() throws {
    let namespaces = ["s": "urn:example:gb2763"]
    // The document uses a default namespace...
    let defaultNamespace = try CatalogImporter.importXML(
      at: Fixture.path("gb2763.xml"),
      mapping: try limitMapping(records: "/s:catalog/s:standard/s:limit", namespaces: namespaces))
    #expect(defaultNamespace.count == 3)
    // ...or the prefix `gb`, and holds a decoy `x:limit` in another namespace.
    let mapping = try makeMapping(
      records: "/s:catalog/s:standard/s:limit", namespaces: namespaces,
      fields: [("product", .text, "@product"), ("code", .text, "../@s:code")])
    let prefixed = try CatalogImporter.importXML(at: Fixture.path("prefixed.xml"), mapping: mapping)
    #expect(prefixed.rows.map(\.fields) == [[.text("apple"), .text("GB 2763-2021")]])
  }

  @Test func unprefixedNamesMatchPrefixedElementsInAnyNamespace() throws {
    let mapping = try makeMapping(
      records: "/catalog/standard/limit",
      fields: [("product", .text, "@product"), ("code", .text, "../@code")])
    let table = try CatalogImporter.importXML(at: Fixture.path("prefixed.xml"), mapping: mapping)
    #expect(
      table.rows.map(\.fields) == [
        [.text("apple"), .text("GB 2763-2021")], [.text("decoy"), .text("GB 2763-2021")],
      ])
  }

  @Test func aPrefixBoundToAnotherNamespaceMatchesNothing() throws {
    let mapping = try limitMapping(
      records: "/s:catalog/s:standard/s:limit", namespaces: ["s": "urn:example:elsewhere"])
    var warnings: [Diagnostic] = []
    let table = try CatalogImporter.importXML(
      at: Fixture.path("prefixed.xml"), mapping: mapping, warnings: &warnings)
    #expect(table.count == 0)
    #expect(warnings.map(\.code) == [.unmatchedRecordPath])
  }

  @Test func extraAttributesAndElementsAreIgnored() throws {
    // gb2763.xml has `unit` and `remark` attributes and a `comment` element nobody maps.
    let table = try CatalogImporter.importXML(
      at: Fixture.path("gb2763.xml"), mapping: try limitMapping())
    #expect(
      values(table.row(forKey: .text("apple"))) == [
        "product": .text("apple"), "mrl_mg_per_kg": .decimal(try decimal("0.05")),
        "standard_code": .text("GB 2763-2021"),
      ])
  }

  @Test func predefinedEntitiesAndCharacterReferencesAreDecoded() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write(
      """
      <catalog><standard code="S&amp;P"><limit product="fish &amp; chips &#233;" mrl="1"/>\
      </standard></catalog>
      """, to: "entities.xml")
    let table = try CatalogImporter.importXML(at: path, mapping: try limitMapping())
    #expect(
      table.rows.map(\.fields) == [
        [.text("fish & chips é"), .decimal(ExactDecimal(1)), .text("S&P")]
      ])
  }

  @Test func aRecordPathThatMatchesNothingWarnsAndYieldsAnEmptyTable() throws {
    var warnings: [Diagnostic] = []
    let table = try CatalogImporter.importXML(
      at: Fixture.path("unmatched.xml"), mapping: try limitMapping(), warnings: &warnings)
    #expect(table.count == 0)
    #expect(
      warnings.map(Reported.init) == [
        Reported("V3010", 2, 1, "the record path `/catalog/standard/limit` matched no element")
      ])
    #expect(warnings.first?.severity == .warning)
  }
}
