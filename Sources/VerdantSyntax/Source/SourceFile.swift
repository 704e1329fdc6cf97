/// A ruleset source text with its path, kept alive by every span that points into it.
///
/// A span holds a reference to its file (as Cedar's `Loc` does), so a diagnostic or an
/// evaluation error can render its location and source line long after parsing.
public final class SourceFile: Sendable, Hashable, CustomStringConvertible {
  /// The path as given by the caller (shown in diagnostics).
  public let path: String
  /// The full text.
  public let text: String
  /// The text's UTF-8 bytes; spans are byte offsets into this array.
  public let bytes: [UInt8]
  /// Maps byte offsets to lines and columns.
  public let lines: LineIndex
  /// The line number of the text's first line. It is 1 for a whole file; an *excerpt* (a few
  /// lines of a large XML catalog quoted in a diagnostic) starts at the line it was taken from.
  public let firstLine: Int

  /// Creates a source file.
  /// - Parameters:
  ///   - path: The path to show in diagnostics.
  ///   - text: The source text.
  ///   - firstLine: The line number of the text's first line (for excerpts of larger files).
  public init(path: String, text: String, firstLine: Int = 1) {
    self.path = path
    self.text = text
    self.bytes = Array(text.utf8)
    self.lines = LineIndex(bytes: bytes)
    self.firstLine = firstLine
  }

  /// The 1-based line and column (in Unicode scalars) of a byte offset.
  public func location(of offset: Int) -> SourcePosition {
    let local = lines.location(of: offset, in: bytes)
    guard firstLine != 1 else { return local }
    return SourcePosition(line: local.line + firstLine - 1, column: local.column, offset: offset)
  }

  /// The byte range of a line (numbered as in ``location(of:)``), without its terminator.
  public func byteRange(ofLine line: Int) -> Range<Int> {
    lines.byteRange(ofLine: line - firstLine + 1, in: bytes)
  }

  /// The text of a line (numbered as in ``location(of:)``), without its line terminator.
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
  }

  /// The source text covered by a byte range.
  public func text(in range: Range<Int>) -> String {
    let clamped = range.clamped(to: 0..<bytes.count)
    return String(decoding: bytes[clamped], as: UTF8.self)
  }

  /// The path.
  public var description: String { path }

  /// Files are equal only when they are the same object.
  public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs === rhs }

  /// Hashes by identity, consistent with `==`.
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
