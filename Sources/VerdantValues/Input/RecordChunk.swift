/// A block of whole records read from a stream (CSV records or JSON lines), stored in one
/// contiguous buffer so that a batch of them can be handed to worker threads without copying
/// each record.
public struct RecordChunk: Sendable {
  /// Where one record lies in ``bytes`` and which line of the input it starts on.
  public struct Record: Sendable, Hashable {
    /// The offset of the record's first byte.
    public let start: Int
    /// The offset just past its last byte (line break excluded).
    public let end: Int
    /// The 1-based line number of its first line in the input.
    public let line: Int
  }

  /// The records' bytes, one after the other.
  public internal(set) var bytes: [UInt8] = []
  /// The records, in input order.
  public internal(set) var records: [Record] = []

  /// Creates an empty chunk.
  public init() {}

  /// The bytes of one record.
  public subscript(record: Int) -> ArraySlice<UInt8> {
    bytes[records[record].start..<records[record].end]
  }
}

/// Reads an input of line-delimited records in chunks of bounded size, so that a file of any
/// size is processed in constant memory.
///
/// Blank lines are skipped (their line numbers still count). In quote-aware mode (CSV), a line
/// break inside a double-quoted field continues the record on the next line; a quote left open
/// at the end of the input ends the record there, and ``CSVFields`` then reports it.
public final class RecordChunkReader {
  /// The underlying reader (for progress: bytes consumed and total size).
  public let reader: ByteReader
  private let quoteAware: Bool
  private var lineNumber = 0

  /// Reads records from a byte reader.
  /// - Parameters:
  ///   - reader: The input.
  ///   - quoteAware: Whether `"` quotes may span line breaks (CSV).
  public init(_ reader: ByteReader, quoteAware: Bool) {
    self.reader = reader
    self.quoteAware = quoteAware
  }

  /// The 1-based number of the last line read.
  public var linesRead: Int { lineNumber }

  /// The longest a CSV record may grow by continuing a quoted field over line breaks; past it,
  /// a missing closing quote is assumed and the record is cut, so one stray quote cannot make
  /// the rest of a large file into a single record.
  public static let maxQuotedRecordBytes = 1 << 20

  /// Reads up to `maxRecords` records, or fewer once the chunk holds `maxBytes` bytes.
  /// - Returns: The chunk, or `nil` at the end of the input.
  /// - Throws: ``FileSystem/ReadError``.
  public func next(maxRecords: Int, maxBytes: Int = 8 << 20) throws(FileSystem.ReadError)
    -> RecordChunk?
  {
    var chunk = RecordChunk()
    chunk.bytes.reserveCapacity(min(maxBytes, maxRecords * 256))
    while chunk.records.count < maxRecords, chunk.bytes.count < maxBytes {
      let start = chunk.bytes.count
      guard try reader.appendNextLine(to: &chunk.bytes) else { break }
      lineNumber += 1
      let firstLine = lineNumber
      if quoteAware {
        var inside = Self.endsInsideQuotes(chunk.bytes[start...], startingInside: false)
        while inside, chunk.bytes.count - start < Self.maxQuotedRecordBytes {
          chunk.bytes.append(UInt8(ascii: "\n"))
          let continuation = chunk.bytes.count
          guard try reader.appendNextLine(to: &chunk.bytes) else { break }
          lineNumber += 1
          inside = Self.endsInsideQuotes(chunk.bytes[continuation...], startingInside: true)
        }
      }
      if chunk.bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        chunk.bytes.removeSubrange(start...)
        continue
      }
      chunk.records.append(.init(start: start, end: chunk.bytes.count, line: firstLine))
    }
    return chunk.records.isEmpty ? nil : chunk
  }

  /// Whether a CSV line leaves a quoted field open, reading it the way ``CSVFields`` does: a
  /// quote opens a field only at the field's start, and `""` inside quotes is a literal quote.
  static func endsInsideQuotes(_ bytes: ArraySlice<UInt8>, startingInside: Bool) -> Bool {
    var inside = startingInside
    var atFieldStart = !startingInside
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      index += 1
      if inside {
        if byte == UInt8(ascii: "\"") {
          if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
            index += 1
          } else {
            inside = false
          }
        }
      } else if byte == UInt8(ascii: "\""), atFieldStart {
        inside = true
        atFieldStart = false
      } else {
        atFieldStart = byte == UInt8(ascii: ",")
      }
    }
    return inside
  }
}
