internal import CLibXML2

/// Collects the errors libxml2 reports through a structured error handler.
///
/// libxml2 calls the handler from C with an opaque pointer; the collector is passed as that
/// pointer (unretained), so whoever installs the handler must keep the collector alive for
/// as long as the handler can fire.
final class XMLErrorCollector {
  /// One error as libxml2 reported it.
  struct Entry {
    /// The part of libxml2 that raised it (`XML_FROM_PARSER`, `XML_FROM_SCHEMASV`, …).
    var domain: Int32
    /// libxml2's error code.
    var code: Int32
    /// The first line of libxml2's message, without the trailing newline.
    var message: String
    /// The file libxml2 was reading, if it said.
    var file: String?
    /// The 1-based line, or 0 when unknown.
    var line: Int
    /// The 1-based column, when libxml2 knew it.
    var column: Int?
    /// libxml2's first extra string (the entity or attribute name for some errors).
    var detail: String?
  }

  /// The errors and fatal errors so far, in the order reported (warnings are dropped).
  private(set) var entries: [Entry] = []

  /// Records one libxml2 error.
  func record(_ error: xmlError) {
    // Warnings (namespace URI style, etc.) never make a catalog unusable.
    guard error.level != XML_ERR_WARNING, error.level != XML_ERR_NONE else { return }
    var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    if let newline = message.firstIndex(of: "\n") { message = String(message[..<newline]) }
    while message.last == " " { message.removeLast() }
    let file = error.file.map { String(cString: $0) }
    var line = Int(error.line)
    var column = error.int2 > 0 ? Int(error.int2) : nil
    // Errors inside an entity's replacement text carry the entity's own line numbers (and no
    // file); report them at the line of the document where the parser is.
    if file == nil, error.domain == Int32(XML_FROM_PARSER.rawValue), let context = error.ctxt {
      let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
      if parser.pointee.inputNr > 0, let inputs = parser.pointee.inputTab,
        let main = inputs[0]
      {
        line = Int(main.pointee.line)
        column = nil
      }
    }
    entries.append(
      Entry(
        domain: error.domain, code: error.code, message: message, file: file, line: line,
        column: column, detail: error.str1.map { String(cString: $0) }))
  }

  /// Records an error reported by the parser of a libxml2 parser context, whose `_private`
  /// field holds the collector.
  static let parserContextHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collector = parser.pointee._private else { return }
    Unmanaged<XMLErrorCollector>.fromOpaque(collector).takeUnretainedValue()
      .record(error.pointee)
  }

  /// Records an error passed with the collector itself as the handler's context.
  static let directHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
  }
}
