import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Real published code lists: an EU eForms Genericode list and Debian's ISO 3166-2 file.
@Suite struct RealCatalogTests {
  @Test func importsTheEFormsEnvironmentalImpactCodeList() throws {
    let mapping = try makeMapping(
      name: "environmental_impact", records: "/gc:CodeList/SimpleCodeList/Row",
      namespaces: ["gc": "http://docs.oasis-open.org/codelist/ns/genericode/1.0/"],
      fields: [
        ("code", .text, "Value[@ColumnRef='code']/SimpleValue"),
        ("name", .text, "Value[@ColumnRef='Name']/SimpleValue"),
        ("german", .optional(.text), "Value[@ColumnRef='deu_label']/SimpleValue"),
      ])
    let table = try CatalogImporter.importXML(
      at: Fixture.path("eforms-environmental-impact.gc"), mapping: mapping)
    #expect(table.count == 7)
    #expect(
      values(table.row(forKey: .text("clim-mitig"))) == [
        "code": .text("clim-mitig"), "name": .text("Climate change mitigation"),
        "german": .text("Klimaschutz"),
      ])
    #expect(
      table.rows.map { $0[field: "code"] }
        == [
          "biodiv-eco", "circ-econ", "clim-adapt", "clim-mitig", "other", "pollu-prev", "water-mar",
        ].map { .text($0) })
  }

  func subdivisionMapping(parent: ValueType = .optional(.text)) throws -> CatalogMapping {
    try makeMapping(
      name: "subdivisions",
      records: "/iso_3166_2_entries/iso_3166_country/iso_3166_subset/iso_3166_2_entry",
      fields: [
        ("code", .text, "@code"),
        ("name", .text, "@name"),
        ("country", .text, "../../@code"),
        ("kind", .text, "../@type"),
        ("parent", parent, "@parent"),
      ])
  }

  @Test func importsISO3166SubdivisionsWithTheirCountryFromTheAncestor() throws {
    // The file has an internal DTD subset, which is accepted (and never used to load anything).
    let table = try CatalogImporter.importXML(
      at: Fixture.path("iso_3166_2.xml"), mapping: try subdivisionMapping())
    #expect(table.count == 4886)
    #expect(
      values(table.row(forKey: .text("CN-33"))) == [
        "code": .text("CN-33"), "name": .text("Zhejiang"), "country": .text("CN"),
        "kind": .text("Province"), "parent": .absent,
      ])
  }

  @Test func pointsAtStartTagsThatSpanTwoLines() throws {
    // Entries are written `<iso_3166_2_entry` on one line and their attributes on the next;
    // libxml2 reports the second line, the diagnostic points at the `<` on the first.
    let diagnostics = importFailure(
      Fixture.path("iso_3166_2.xml"), mapping: try subdivisionMapping(parent: .text),
      limits: XMLLimits(maximumErrors: 2))
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3003", 62, 2, "field `parent` (`@parent`) has no value in this record"),
        Reported("V3003", 64, 2, "field `parent` (`@parent`) has no value in this record"),
      ])
    #expect(diagnostics.first?.span.text == "<iso_3166_2_entry")
  }
}
