/// The byte offsets where each line of a source text starts.
///
/// Lookups binary-search the line starts, so locating a span costs O(log lines) and the index
/// costs one integer per line.
public struct LineIndex: Sendable, Hashable {
  /// Byte offsets of line starts; the first is always 0.
  public let lineStarts: [Int]

  /// Builds the index; lines end at `\n` (a preceding `\r` stays part of the line's bytes but is
  /// trimmed when a line's text is shown).
  public init(bytes: [UInt8]) {
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    lineStarts = starts
  }

  /// The number of lines.
  public var lineCount: Int { lineStarts.count }

  /// The 1-based line containing a byte offset.
  public func line(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// The 1-based line and column of a byte offset; the column counts Unicode scalars, matching
  /// how the language compares `Text`.
  public func location(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
    let line = self.line(of: offset)
    let start = lineStarts[line - 1]
    var column = 1
    var index = start
    let end = min(offset, bytes.count)
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourcePosition(line: line, column: column, offset: offset)
  }

  /// The byte range of a 1-based line, without `\n` or `\r\n`.
  public func byteRange(ofLine line: Int, in bytes: [UInt8]) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<max(start, end)
  }
}

/// A human-facing position: 1-based line and column (in Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 1-based line.
  public let line: Int
  /// 1-based column, counted in Unicode scalars.
  public let column: Int
  /// The 0-based UTF-8 byte offset.
  public let offset: Int

  /// Creates a location.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }

  /// Orders by offset.
  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    lhs.offset < rhs.offset
  }
}
