/// Renders diagnostics for people: the location, the source line, a caret under the span, and
/// the help.
///
/// ```
/// rulesets/supplier.verdant:41:12: error: undeclared name `grde`
///    |
/// 41 |   when grde == B => silver
///    |        ^^^^ not declared in this ruleset
///    = help: did you mean `grade`?
/// ```
/// The output is plain ASCII apart from the quoted source, so it is stable in golden tests.
public struct HumanRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// Renders several diagnostics, separated by blank lines, with a summary line at the end.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    var output = diagnostics.map(render).joined(separator: "\n")
    let errors = diagnostics.filter(\.isError).count
    let warnings = diagnostics.count - errors
    if !diagnostics.isEmpty {
      output += "\n" + Self.summary(errors: errors, warnings: warnings) + "\n"
    }
    return output
  }

  /// `2 errors, 1 warning`.
  public static func summary(errors: Int, warnings: Int) -> String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(count(errors, "error")), \(count(warnings, "warning"))"
  }

  /// Renders one diagnostic, ending with a newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    let location = diagnostic.span.location
    var lines: [String] = []
    lines.append(
      "\(diagnostic.span.file.path):\(location.line):\(location.column): "
        + "\(diagnostic.severity.rawValue): \(diagnostic.message)")
    lines += snippet(diagnostic.span, label: diagnostic.label)
    let gutter = String(repeating: " ", count: String(location.line).count + 1)
    for note in diagnostic.notes {
      if let span = note.span {
        let noteLocation = span.location
        lines.append(
          "\(gutter)= note: \(note.message) (\(span.file.path):\(noteLocation.line):\(noteLocation.column))"
        )
      } else {
        lines.append("\(gutter)= note: \(note.message)")
      }
    }
    if let help = diagnostic.help {
      lines.append("\(gutter)= help: \(help)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The source line of a span with a caret line under it.
  func snippet(_ span: Span, label: String?) -> [String] {
    let file = span.file
    let location = span.location
    let lineNumber = String(location.line)
    let gutter = String(repeating: " ", count: lineNumber.count + 1)
    let lineRange = file.byteRange(ofLine: location.line)
    let lineText = String(decoding: file.bytes[lineRange], as: UTF8.self)
    // The caret covers the span's part of its first line, and at least one cell.
    let spanEnd = min(span.end, lineRange.upperBound)
    var indent = ""
    var carets = 0
    var offset = lineRange.lowerBound
    for scalar in lineText.unicodeScalars {
      let width = DisplayWidth.of(scalar)
      if offset < span.start {
        indent += scalar == "\t" ? "\t" : String(repeating: " ", count: width)
      } else if offset < spanEnd {
        carets += scalar == "\t" ? 1 : width
      }
      offset += String(scalar).utf8.count
    }
    let underline = String(repeating: "^", count: max(1, carets))
    var caretLine = "\(gutter)| \(indent)\(underline)"
    if let label { caretLine += " \(label)" }
    return ["\(gutter)|", "\(lineNumber) | \(lineText)", caretLine]
  }
}
