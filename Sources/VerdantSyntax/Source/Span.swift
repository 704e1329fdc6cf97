/// A range of UTF-8 bytes in a source file: where a token or syntax node came from.
public struct Span: Sendable, Hashable, CustomStringConvertible {
  /// The file.
  public let file: SourceFile
  /// The first byte.
  public let start: Int
  /// One past the last byte.
  public let end: Int

  /// Creates a span; `end` is clamped so it is never before `start`.
  public init(file: SourceFile, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// The byte range.
  public var range: Range<Int> { start..<end }

  /// The location of the first byte.
  public var location: SourcePosition { file.location(of: start) }

  /// The covered source text.
  public var text: String { file.text(in: range) }

  /// The smallest span covering both spans (which must be in the same file).
  public func merged(with other: Span) -> Span {
    Span(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  /// An empty span at this span's end, for "expected … here" diagnostics.
  public var endPoint: Span { Span(file: file, start: end, end: end) }

  /// `path:line:column`.
  public var description: String { "\(file.path):\(location)" }
}
