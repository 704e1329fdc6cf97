/// Renders a diagnostic on one line, gcc- and CEL-style, for grep and editors:
/// `path:line:col: error: message [V2003]`.
public struct ShortRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// Renders one diagnostic without a trailing newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    let location = diagnostic.span.location
    return "\(diagnostic.span.file.path):\(location.line):\(location.column): "
      + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
  }

  /// Renders several diagnostics, one per line.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { render($0) + "\n" }.joined()
  }
}
