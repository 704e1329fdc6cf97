internal import CLibXML2

/// One libxml2 `xmlTextReader` over a catalog file, hardened and with its errors collected.
///
/// Not `Sendable`: a reader belongs to the one import that created it.
final class XMLStreamReader {
  /// The node kinds the importer acts on (libxml2's `xmlReaderTypes`).
  enum NodeKind: Int32 {
    case element = 1
    case text = 3
    case cdata = 4
    case entityReference = 5
    case whitespace = 13
    case significantWhitespace = 14
    case endElement = 15
  }

  /// The underlying reader.
  let pointer: xmlTextReaderPtr
  /// The errors libxml2 reported so far.
  let errors: XMLErrorCollector
  /// The schema validating the stream, kept alive as long as the reader uses it.
  private var schema: XMLSchema?

  /// The parse options: no network, CDATA merged into text, and line numbers past 65535 kept.
  ///
  /// Never `XML_PARSE_NOENT` (would expand entities: XXE), `XML_PARSE_DTDLOAD` or
  /// `XML_PARSE_DTDATTR` (would read external DTDs) or `XML_PARSE_HUGE` (would lift libxml2's
  /// depth and size limits).
  static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
      | XML_PARSE_COMPACT.rawValue)

  /// Opens a file (which the caller has checked is readable).
  /// - Returns: `nil` when libxml2 cannot create a reader for it.
  init?(path: String, errors: XMLErrorCollector) {
    guard let reader = xmlReaderForFile(path, nil, Self.options) else { return nil }
    self.pointer = reader
    self.errors = errors
    // Per-reader handler: without one libxml2 prints its errors to stderr. The closure is
    // written with inferred parameter types so that it compiles against libxml2 2.9 (mutable
    // `xmlErrorPtr`) and 2.12+ (`const xmlError *`).
    xmlTextReaderSetStructuredErrorHandler(
      reader,
      { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
          .record(error.pointee)
      }, Unmanaged.passUnretained(errors).toOpaque())
  }

  deinit {
    // The reader goes first: it still refers to the schema until it is freed.
    xmlFreeTextReader(pointer)
  }

  /// Validates the stream against a schema; call before the first ``read()``.
  /// - Returns: Whether libxml2 accepted the schema.
  func attach(_ schema: XMLSchema) -> Bool {
    self.schema = schema
    return xmlTextReaderSetSchema(pointer, schema.pointer) == 0
  }

  /// Moves to the next node: 1 on success, 0 at the end, -1 on a fatal error.
  @inline(__always)
  func read() -> Int32 { xmlTextReaderRead(pointer) }

  /// Skips the current element's subtree: the result is as for ``read()``.
  @inline(__always)
  func skipSubtree() -> Int32 { xmlTextReaderNext(pointer) }

  /// The kind of the current node, as libxml2's raw `xmlReaderTypes` value.
  @inline(__always)
  var nodeType: Int32 { xmlTextReaderNodeType(pointer) }

  /// The depth of the current node (the root element is 0).
  @inline(__always)
  var depth: Int { Int(xmlTextReaderDepth(pointer)) }

  /// The current node, owned by the reader until it moves past it.
  @inline(__always)
  var node: xmlNodePtr? { xmlTextReaderCurrentNode(pointer) }

  /// Whether the current element is written `<a/>` (it has no end-element node).
  @inline(__always)
  var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(pointer) == 1 }

  /// Reads the current element's whole subtree into memory and returns it; the reader still
  /// owns it, and ``skipSubtree()`` then moves past it.
  func expand() -> xmlNodePtr? { xmlTextReaderExpand(pointer) }

  /// Whether the document was valid against the attached schema (1), invalid (0), or the
  /// validity is unknown (-1).
  var validity: Int32 { xmlTextReaderIsValid(pointer) }
}
