import VerdantSyntax

/// Where in an XML or XSD file a diagnostic points, before its column is known.
///
/// libxml2 gives nodes exact lines but no columns, so the column is found later, and only for
/// the few diagnostics reported, by reading the lines around `line` and searching for the
/// element's start tag, then the attribute or text within it.
struct XMLLocation {
  /// The file (the XML, or the XSD for schema errors).
  var file: String
  /// The 1-based line libxml2 gave; 0 when it gave none.
  var line: Int
  /// The 1-based column when libxml2 gave one; it wins over any search.
  var column: Int?
  /// The local name of the element to find on `line` or just before it (libxml2 gives an
  /// element the line where its start tag *ends*).
  var element: String?
  /// An attribute of that element to find after its `<name`.
  var attribute: String?
  /// Exact text to find after the element start (or on `line`).
  var literal: String?
  /// Whether `column` is just past an entity reference (libxml2 reports entity errors at the
  /// end of the attribute value), so the last `&` before it is the better place to point.
  var pointsPastEntity = false

  /// Creates a location.
  init(
    file: String, line: Int, column: Int? = nil, element: String? = nil,
    attribute: String? = nil, literal: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.element = element
    self.attribute = attribute
    self.literal = literal
  }
}

/// A diagnostic waiting for its spans: built once the excerpts are read.
struct DiagnosticDraft {
  /// The primary location.
  var location: XMLLocation
  /// Locations of the notes, in the order `build` expects their spans.
  var notes: [XMLLocation] = []
  /// Whether it is an error (warnings do not count towards the limit).
  var isError = true
  /// Makes the diagnostic from the primary span and the note spans.
  var build: (Span, [Span]) -> Diagnostic
}
