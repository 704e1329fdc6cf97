internal import CLibXML2

/// A parsed XSD, ready to validate catalog documents while they stream.
///
/// The schema document is read with the same hardening as catalogs (no network, no entity
/// substitution by our parse) and its errors are collected instead of printed.
final class XMLSchema {
  /// The compiled schema.
  let pointer: xmlSchemaPtr
  /// The schema's document, kept alive as long as the schema since the schema points into it.
  private let document: xmlDocPtr

  /// Parses an XSD file.
  /// - Parameters:
  ///   - path: The XSD's path (checked readable by the caller).
  ///   - errors: Receives libxml2's messages; an empty list with a `nil` result means libxml2
  ///     gave no reason.
  /// - Returns: The schema, or `nil` when the file is not a valid XSD.
  init?(path: String, errors: XMLErrorCollector) {
    guard let parser = xmlNewParserCtxt() else { return nil }
    defer { xmlFreeParserCtxt(parser) }
    parser.pointee._private = Unmanaged.passUnretained(errors).toOpaque()
    // SAX2 handlers receive the context itself as user data, so the collector travels in
    // `_private` and the handler looks it up there.
    parser.pointee.sax.pointee.serror = XMLErrorCollector.parserContextHandler
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
    guard let document = xmlCtxtReadFile(parser, path, nil, options) else { return nil }
    guard let schemaParser = xmlSchemaNewDocParserCtxt(document) else {
      xmlFreeDoc(document)
      return nil
    }
    defer { xmlSchemaFreeParserCtxt(schemaParser) }
    xmlSchemaSetParserStructuredErrors(
      schemaParser, XMLErrorCollector.directHandler,
      Unmanaged.passUnretained(errors).toOpaque())
    guard let schema = xmlSchemaParse(schemaParser) else {
      xmlFreeDoc(document)
      return nil
    }
    self.pointer = schema
    self.document = document
  }

  deinit {
    xmlSchemaFree(pointer)
    xmlFreeDoc(document)
  }
}
