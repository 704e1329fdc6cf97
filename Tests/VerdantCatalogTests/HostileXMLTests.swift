import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

/// Hostile and broken documents: each is rejected with a specific diagnostic, reads nothing
/// from the file system, and fails fast.
@Suite(.timeLimit(.minutes(1))) struct HostileXMLTests {
  /// Every text a diagnostic can show, rendered.
  func everything(_ diagnostics: [Diagnostic]) -> String {
    HumanRenderer().render(diagnostics) + ShortRenderer().render(diagnostics)
      + diagnostics.map { "\($0.label ?? "") \($0.help ?? "") \($0.notes.map(\.message))" }
      .joined()
  }

  /// A document whose external entity points at a local file holding a unique marker.
  func externalEntityDocument(in dir: TemporaryDirectory, body: String) throws -> (
    path: String, marker: String
  ) {
    let marker = "VERDANT-SECRET-\(UInt64.random(in: 1...UInt64.max))"
    let secret = try dir.write(marker + "\n", to: "secret.txt")
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE items [
        <!ENTITY xxe SYSTEM "file://\(secret)">
      ]>
      <items>
      \(body)
      </items>
      """
    return (try dir.write(xml, to: "xxe.xml"), marker)
  }

  func itemMapping() throws -> CatalogMapping {
    try makeMapping(
      records: "/items/item",
      fields: [("code", .text, "@code"), ("name", .optional(.text), "name")])
  }

  @Test func anExternalEntityInTextIsRejectedAndNeverRead() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let (path, marker) = try externalEntityDocument(
      in: dir, body: "  <item code=\"A1\">\n    <name>&xxe;</name>\n  </item>")
    let diagnostics = importFailure(path, mapping: try itemMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3006", 7, 11, "entity reference `&xxe;` is not allowed in a catalog")
      ])
    #expect(!everything(diagnostics).contains(marker))
  }

  @Test func anExternalEntityInAnAttributeIsRejectedAndNeverRead() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let (path, marker) = try externalEntityDocument(
      in: dir, body: "  <item code=\"&xxe;\"/>")
    let diagnostics = importFailure(path, mapping: try itemMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3006", 6, 15, "entity rejected: Attribute references external entity 'xxe'")
      ])
    #expect(!everything(diagnostics).contains(marker))
  }

  @Test func anExternalEntityOutsideTheMappedFieldsIsStillRejected() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let (path, marker) = try externalEntityDocument(
      in: dir, body: "  <item code=\"A1\"><note>&xxe;</note></item>\n  <item code=\"B2\"/>")
    var rows: [RecordValue] = []
    let mapping = try itemMapping()
    do {
      rows = try CatalogImporter.importXML(at: path, mapping: mapping).rows
      Issue.record("expected the import to fail")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.rejectedEntity])
      #expect(!everything(error.diagnostics).contains(marker))
    }
    #expect(!rows.contains { Value.record($0).description.contains(marker) })
  }

  @Test func anExternalParameterEntityIsNeverLoaded() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let marker = "VERDANT-SECRET-\(UInt64.random(in: 1...UInt64.max))"
    let secret = try dir.write("<!ENTITY leak \"\(marker)\">\n", to: "secret.dtd")
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE items [
        <!ENTITY % remote SYSTEM "file://\(secret)">
        %remote;
      ]>
      <items>
        <item code="A1"><name>&leak;</name></item>
      </items>
      """
    let path = try dir.write(xml, to: "parameter-entity.xml")
    let diagnostics = importFailure(path, mapping: try itemMapping())
    // "not defined" shows the external declarations were never read.
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3006", 7, 25, "entity rejected: Entity 'leak' not defined")
      ])
    #expect(!everything(diagnostics).contains(marker))
  }

  @Test func billionLaughsInAnAttributeFailsFast() throws {
    let diagnostics = importFailure(Fixture.path("billion-laughs.xml"), mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3006", 16, 21, "entity rejected: Detected an entity reference loop")
      ])
  }

  @Test func billionLaughsInTextFailsFast() throws {
    let diagnostics = importFailure(
      Fixture.path("billion-laughs-content.xml"), mapping: try itemMapping())
    #expect(diagnostics.map(\.code) == [.rejectedEntity])
    #expect(diagnostics.first?.location.line == 16)
  }

  /// `levels` nested `<d>` elements inside `<catalog>`, one per line.
  func nestedDocument(levels: Int, in dir: TemporaryDirectory) throws -> String {
    var xml = "<catalog>\n"
    for _ in 0..<levels { xml += "<d>\n" }
    for _ in 0..<levels { xml += "</d>\n" }
    xml += "</catalog>\n"
    return try dir.write(xml, to: "deep.xml")
  }

  @Test func nestingBeyondTheLimitIsRejected() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try nestedDocument(levels: 20, in: dir)
    let diagnostics = importFailure(
      path, mapping: try limitMapping(), limits: XMLLimits(maximumDepth: 10))
    // The root is level 1, so the tenth `<d>` (line 11) is the eleventh level.
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3007", 11, 1, "the XML nests elements deeper than 10 levels")
      ])
  }

  @Test func nestingBeyondLibxml2sLimitIsRejected() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try nestedDocument(levels: 300, in: dir)
    let diagnostics = importFailure(
      path, mapping: try limitMapping(), limits: XMLLimits(maximumDepth: 1000))
    #expect(diagnostics.map(\.code) == [.catalogLimitExceeded])
    #expect(
      diagnostics.first?.message
        == "the XML nests elements deeper than libxml2's limit of 256 levels")
  }

  @Test func nestingInsideARecordCountsToo() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write(
      "<catalog>\n<standard code=\"S\">\n<limit product=\"p\" mrl=\"1\">\n"
        + "<a>\n<b>\n<c/>\n</b>\n</a>\n</limit>\n</standard>\n</catalog>\n", to: "deep-record.xml")
    let diagnostics = importFailure(
      path, mapping: try limitMapping(), limits: XMLLimits(maximumDepth: 5))
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3007", 6, 1, "the XML nests elements deeper than 5 levels")
      ])
  }

  @Test func invalidUTF8IsNotWellFormed() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let bytes =
      Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog>\n  <standard code=\"S\">\n".utf8)
      + Array("    <limit product=\"caf".utf8) + [0xC3, 0x28] + Array("\" mrl=\"1\"/>\n".utf8)
      + Array("  </standard>\n</catalog>\n".utf8)
    let path = try dir.write(bytes, to: "bad-utf8.xml")
    let diagnostics = importFailure(path, mapping: try limitMapping())
    #expect(
      diagnostics.map(Reported.init) == [
        Reported(
          "V3001", 4, 24,
          "the XML is not well formed: Input is not proper UTF-8, indicate encoding !")
      ])
  }

  @Test func aTruncatedDocumentIsNotWellFormed() throws {
    let diagnostics = importFailure(Fixture.path("truncated.xml"), mapping: try limitMapping())
    // libxml2 stops at the end of the file, just after `mr` on line 5.
    let prefix = "the XML is not well formed: "
    #expect(
      diagnostics.map(Reported.init) == [
        Reported("V3001", 5, 29, prefix + "Couldn't find end of Start Tag limit"),
        Reported("V3001", 5, 29, prefix + "Specification mandates value for attribute mr"),
        Reported("V3001", 5, 29, prefix + "attributes construct error"),
      ])
  }

  @Test func aDocumentCutAfterAnElementIsNotWellFormed() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write(
      "<catalog>\n  <standard code=\"S\">\n    <limit product=\"p\" mrl=\"1\"/>\n", to: "cut.xml")
    let diagnostics = importFailure(path, mapping: try limitMapping())
    #expect(diagnostics.map(\.code) == [.malformedXML])
  }
}
