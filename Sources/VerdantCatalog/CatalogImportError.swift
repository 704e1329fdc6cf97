import VerdantSyntax

/// Why a catalog could not be imported: the errors found, sorted by line.
public struct CatalogImportError: Error, Sendable, CustomStringConvertible {
  /// The diagnostics, at most ``XMLLimits/maximumErrors`` errors, sorted by file and line.
  public let diagnostics: [Diagnostic]

  /// Creates an error from its diagnostics.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// One `path:line:col: error: message [code]` line per diagnostic.
  public var description: String {
    diagnostics.map { ShortRenderer().render($0) }.joined(separator: "\n")
  }
}
