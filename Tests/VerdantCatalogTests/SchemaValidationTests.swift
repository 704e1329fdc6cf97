import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Validation against an XSD while the document streams.
@Suite struct SchemaValidationTests {
  @Test func aValidDocumentImports() throws {
    let table = try CatalogImporter.importXML(
      at: Fixture.path("schema-valid.xml"), schema: Fixture.path("catalog.xsd"),
      mapping: try limitMapping())
    #expect(table.rows.map { $0[field: "product"] } == [.text("apple"), .text("rice")])
  }

  @Test func anInvalidDocumentIsRejectedWithLibxml2sMessages() throws {
    let diagnostics = importFailure(
      Fixture.path("schema-invalid.xml"), schema: Fixture.path("catalog.xsd"),
      mapping: try optionalLimitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported(
          "V3002", 5, 27,
          "the XML does not match the schema: Element 'limit', attribute 'mrl': 'about 0.1' is "
            + "not a valid value of the atomic type 'xs:decimal'"),
        Reported(
          "V3002", 6, 5,
          "the XML does not match the schema: Element 'limit': The attribute 'product' is "
            + "required but missing"),
      ])
  }

  /// A mapping under which every record of `schema-invalid.xml` converts, so only the schema
  /// can reject it.
  func optionalLimitMapping() throws -> CatalogMapping {
    try makeMapping(
      records: "/catalog/standard/limit",
      fields: [("product", .optional(.text), "@product"), ("mrl", .text, "@mrl")],
      key: "mrl")
  }

  @Test func anInvalidSchemaIsReportedInTheSchemaFile() throws {
    let schema = Fixture.path("invalid.xsd")
    let diagnostics = importFailure(
      Fixture.path("schema-valid.xml"), schema: schema, mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported(
          "V3009", 3, 1,
          "the schema is not a valid XSD: element decl. 'catalog', attribute 'type': The QName "
            + "value 'undefinedType' does not resolve to a(n) type definition")
      ])
    #expect(diagnostics.first?.span.file.path == schema)
  }

  @Test func aSchemaThatIsNotWellFormedIsInvalid() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let schema = try dir.write(
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element name=\"a\">\n",
      to: "broken.xsd")
    let diagnostics = importFailure(
      Fixture.path("schema-valid.xml"), schema: schema, mapping: try limitMapping())
    #expect(diagnostics.first?.code == .invalidSchema)
    #expect(diagnostics.first?.message.hasPrefix("the schema is not a valid XSD: ") == true)
    #expect(diagnostics.first?.span.file.path == schema)
  }

  @Test func aDocumentThatIsNotASchemaIsInvalid() throws {
    let diagnostics = importFailure(
      Fixture.path("schema-valid.xml"), schema: Fixture.path("gb2763.xml"),
      mapping: try limitMapping())
    #expect(diagnostics.map(\.code) == [.invalidSchema])
  }
}
