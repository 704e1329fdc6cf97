/// Collects diagnostics from a stage, CEL-style, instead of throwing at the first one.
///
/// The count is capped so that a badly broken file cannot flood a terminal; the cap is
/// reported as its own note-like warning when reached.
public struct DiagnosticCollector: Sendable {
  /// The most diagnostics kept per run.
  public static let limit = 100

  /// The diagnostics so far, in the order they were found.
  public private(set) var diagnostics: [Diagnostic] = []
  /// Whether diagnostics were dropped because of ``limit``.
  public private(set) var isTruncated = false

  /// Creates an empty collector.
  public init() {}

  /// Adds a diagnostic unless the cap is reached or the same message was already reported at
  /// the same place (recovery can otherwise repeat itself).
  public mutating func report(_ diagnostic: Diagnostic) {
    if diagnostics.count >= Self.limit {
      isTruncated = true
      return
    }
    if let last = diagnostics.last, last.span == diagnostic.span, last.message == diagnostic.message
    {
      return
    }
    diagnostics.append(diagnostic)
  }

  /// Adds several diagnostics.
  public mutating func report(contentsOf more: [Diagnostic]) {
    for diagnostic in more { report(diagnostic) }
  }

  /// Whether an error has been reported.
  public var hasErrors: Bool { diagnostics.containsErrors }
}
