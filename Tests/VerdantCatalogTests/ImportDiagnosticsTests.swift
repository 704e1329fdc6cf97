import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Missing and malformed values, duplicate keys, limits and unreadable files: each reported
/// at its XML line and column.
@Suite struct ImportDiagnosticsTests {
  @Test func reportsMissingAndBadValuesAtTheirLinesAndColumns() throws {
    let path = Fixture.path("errors.xml")
    let diagnostics = importFailure(path, mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3003", 5, 5, "field `mrl_mg_per_kg` (`@mrl`) has no value in this record"),
        Reported("V3004", 6, 27, "field `mrl_mg_per_kg`: `0,05` is not a Decimal"),
        // The start tag spans lines 7 to 9; the attribute is on line 9.
        Reported("V3004", 9, 9, "field `mrl_mg_per_kg`: `lots` is not a Decimal"),
      ])
    #expect(diagnostics.allSatisfy { $0.span.file.path == path })
  }

  @Test func rendersTheXMLLineWithACaret() throws {
    let path = Fixture.path("errors.xml")
    let diagnostics = importFailure(path, mapping: try limitMapping())
    let rendered = HumanRenderer().render(try #require(diagnostics.dropFirst().first))
    #expect(
      rendered == """
        \(path):6:27: error: field `mrl_mg_per_kg`: `0,05` is not a Decimal
          |
        6 |     <limit product="plum" mrl="0,05"/>
          |                           ^^^^^^^^^^ invalid number: unexpected character, found `,`
          = help: write a decimal number with a `.` and no grouping, e.g. `0.05`

        """)
    let short =
      "\(path):5:5: error: field `mrl_mg_per_kg` (`@mrl`) has no value in this record [V3003]"
    #expect(
      CatalogImportError(diagnostics: diagnostics).description.split(separator: "\n").first.map(
        String.init)
        == short)
  }

  @Test func aMissingValueSaysHowToMakeTheFieldOptional() throws {
    let diagnostics = importFailure(Fixture.path("errors.xml"), mapping: try limitMapping())
    #expect(
      diagnostics.first?.help
        == "add the value to the XML, or declare the field optional (`Decimal?`)")
    #expect(diagnostics.first?.span.text == "<limit")
  }

  @Test func reportsADuplicateKeyWithBothLines() throws {
    let diagnostics = importFailure(Fixture.path("duplicates.xml"), mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3005", 8, 5, "duplicate key `apple` (field `product`) on lines 4 and 8")
      ])
    let note = try #require(diagnostics.first?.notes.first)
    #expect(note.message == "the first record with this key")
    #expect(note.span?.location.line == 4)
    #expect(note.span?.location.column == 5)
  }

  @Test func reportsEveryDuplicateKeyWithTheLinesOfItsRows() throws {
    // The lines are found by reading the file again; a record with an error adds no row, so
    // the second `pear` row is on line 5, not 4.
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    func catalog(_ pearMRL: String) -> String {
      """
      <catalog>
        <standard code="S">
          <limit product="apple" mrl="0.1"/>
          <limit product="pear" mrl="\(pearMRL)"/>
          <limit product="pear" mrl="0.2"/>
          <limit product="apple" mrl="0.3"/>
          <limit product="pear" mrl="0.4"/>
          <limit product="apple" mrl="0.5"/>
        </standard>
      </catalog>
      """
    }
    let path = try dir.write(catalog("x"), to: "dups.xml")
    #expect(
      importFailure(path, mapping: try limitMapping()).map(Reported.init) == [
        Reported("V3004", 4, 27, "field `mrl_mg_per_kg`: `x` is not a Decimal"),
        Reported("V3005", 6, 5, "duplicate key `apple` (field `product`) on lines 3 and 6"),
        Reported("V3005", 7, 5, "duplicate key `pear` (field `product`) on lines 5 and 7"),
        Reported("V3005", 8, 5, "duplicate key `apple` (field `product`) on lines 3 and 8"),
      ])
    // Without the bad record, the duplicates alone fail the import, with the same lines.
    let clean = try dir.write(catalog("0.9"), to: "clean.xml")
    #expect(
      importFailure(clean, mapping: try limitMapping()).map(Reported.init).first
        == Reported("V3005", 5, 5, "duplicate key `pear` (field `product`) on lines 4 and 5"))
  }

  @Test func reportsADuplicateKeyFarIntoALargeFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    var xml = "<catalog>\n  <standard code=\"S\">\n"
    for index in 3...80_000 {
      let product = index == 79_999 ? "p70000" : "p\(index)"
      xml += "    <limit product=\"\(product)\" mrl=\"1\"/>\n"
    }
    xml += "  </standard>\n</catalog>\n"
    let path = try dir.write(xml, to: "far.xml")
    #expect(
      importFailure(path, mapping: try limitMapping()).map(Reported.init) == [
        Reported(
          "V3005", 79_999, 5, "duplicate key `p70000` (field `product`) on lines 70000 and 79999")
      ])
  }

  @Test func keepsEveryRowOfAKeyDeclaredMultiple() throws {
    let table = try CatalogImporter.importXML(
      at: Fixture.path("duplicates.xml"), mapping: try limitMapping(multiple: true))
    #expect(
      table.row(forKey: .text("apple"))?[field: "mrl_mg_per_kg"] == .decimal(try decimal("0.05")))
    let apples = table.rows(forKey: .text("apple"))
    #expect(apples == table.rows.filter { $0[field: "product"] == .text("apple") })
    #expect(
      apples.map { $0[field: "mrl_mg_per_kg"] } == [
        .decimal(try decimal("0.05")), .decimal(try decimal("0.02")),
      ])
    #expect(
      apples.map { $0[field: "standard_code"] } == [.text("GB 2763-2021"), .text("GB 2763.1-2022")])
    #expect(table.count == 3)
  }

  @Test func stopsAtTheErrorLimitAndSortsByLine() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    var xml = "<catalog>\n  <standard code=\"S\">\n"
    for index in 0..<30 { xml += "    <limit product=\"p\(index)\" mrl=\"x\(index)\"/>\n" }
    xml += "  </standard>\n</catalog>\n"
    let path = try dir.write(xml, to: "many.xml")
    let diagnostics = importFailure(
      path, mapping: try limitMapping(), limits: XMLLimits(maximumErrors: 5))
    #expect(diagnostics.map(\.location.line) == [3, 4, 5, 6, 7])
    #expect(diagnostics.allSatisfy { $0.code == .invalidCatalogValue })
  }

  @Test func rejectsAValueLongerThanTheLimit() throws {
    let diagnostics = importFailure(
      Fixture.path("gb2763.xml"), mapping: try limitMapping(),
      limits: XMLLimits(maximumValueLength: 4))
    // "apple" and every standard code are longer than 4 bytes; the ancestor's attribute is
    // reported once per record that reads it.
    let code = "the value of field `standard_code` is longer than 4 bytes"
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3007", 4, 13, code), Reported("V3007", 4, 13, code),
        Reported("V3007", 6, 12, "the value of field `product` is longer than 4 bytes"),
        Reported("V3007", 10, 13, code),
      ])
  }

  @Test func reportsExactLinesPastLibxml2s16BitLineNumbers() throws {
    // libxml2 stores element lines in 16 bits; past line 65535 the importer takes them from
    // the text nodes, which keep exact lines (XML_PARSE_BIG_LINES).
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    var xml = "<catalog>\n  <standard code=\"S\">\n"
    for index in 3...70_000 {
      let mrl = index == 69_990 ? "0,5" : "1"
      xml += "    <limit product=\"p\(index)\" mrl=\"\(mrl)\"/>\n"
    }
    xml += "    <limit product=\"q\">\n      <mrl>bad</mrl>\n    </limit>\n"
    xml += "  </standard>\n</catalog>\n"
    let path = try dir.write(xml, to: "long.xml")
    let mapping = try makeMapping(
      records: "/catalog/standard/limit",
      fields: [
        ("product", .text, "@product"), ("mrl", .optional(.decimal), "@mrl"),
        ("child", .optional(.decimal), "mrl"),
      ])
    let diagnostics = importFailure(path, mapping: mapping)
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3004", 69_990, 29, "field `mrl`: `0,5` is not a Decimal"),
        Reported("V3004", 70_002, 12, "field `child`: `bad` is not a Decimal"),
      ])
  }

  @Test func reportsAnUnreadableXMLFile() throws {
    let path = Fixture.path("no-such-file.xml")
    let diagnostics = importFailure(path, mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3008", 1, 1, "cannot read the XML file: No such file or directory")
      ])
    #expect(diagnostics.first?.span.file.path == path)
  }

  @Test func reportsAnUnreadableSchemaFile() throws {
    let schema = Fixture.path("no-such-schema.xsd")
    let diagnostics = importFailure(
      Fixture.path("schema-valid.xml"), schema: schema, mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3008", 1, 1, "cannot read the schema file: No such file or directory")
      ])
    #expect(diagnostics.first?.span.file.path == schema)
  }

  @Test func reportsADirectoryAsUnreadable() throws {
    let diagnostics = importFailure(Fixture.directory, mapping: try limitMapping())
    #expect(diagnostics.map(\.message) == ["cannot read the XML file: it is a directory"])
  }
}
