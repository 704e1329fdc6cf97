import VerdantValues

/// Renders diagnostics as JSON for tools: an object with a `diagnostics` array.
///
/// Each diagnostic has `severity`, `code`, `message`, `file`, `line`, `column`, `end_line`,
/// `end_column` (exclusive), optional `label` and `help`, and `notes` with their own locations.
public struct JSONRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The diagnostics as a JSON document.
  public func json(_ diagnostics: [Diagnostic]) -> JSONValue {
    let errors = diagnostics.filter(\.isError).count
    return .object(
      JSONObject([
        ("diagnostics", .array(diagnostics.map(json))),
        ("errors", .number(String(errors))),
        ("warnings", .number(String(diagnostics.count - errors))),
      ]))
  }

  /// Renders the document as pretty-printed text.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    JSONWriter.string(json(diagnostics), pretty: true) + "\n"
  }

  /// One diagnostic as JSON.
  public func json(_ diagnostic: Diagnostic) -> JSONValue {
    var object = JSONObject()
    object.append(key: "severity", value: .string(diagnostic.severity.rawValue))
    object.append(key: "code", value: .string(diagnostic.code.rawValue))
    object.append(key: "message", value: .string(diagnostic.message))
    for (key, value) in Self.location(diagnostic.span) { object.append(key: key, value: value) }
    if let label = diagnostic.label { object.append(key: "label", value: .string(label)) }
    if let help = diagnostic.help { object.append(key: "help", value: .string(help)) }
    object.append(
      key: "notes",
      value: .array(
        diagnostic.notes.map { note in
          var noteObject = JSONObject()
          noteObject.append(key: "message", value: .string(note.message))
          if let span = note.span {
            for (key, value) in Self.location(span) { noteObject.append(key: key, value: value) }
          }
          return .object(noteObject)
        }))
    return .object(object)
  }

  static func location(_ span: Span) -> [(String, JSONValue)] {
    let start = span.location
    let end = span.file.location(of: span.end)
    return [
      ("file", .string(span.file.path)),
      ("line", .number(String(start.line))),
      ("column", .number(String(start.column))),
      ("end_line", .number(String(end.line))),
      ("end_column", .number(String(end.column))),
    ]
  }
}
