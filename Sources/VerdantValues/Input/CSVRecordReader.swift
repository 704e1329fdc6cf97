/// Reads RFC 4180 CSV records one at a time from a ``ByteReader``: comma-separated fields,
/// double-quoted fields that may contain commas, line breaks and doubled quotes (`""`).
public final class CSVRecordReader {
  /// A malformed record.
  public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line where the record starts.
    public let line: Int
    /// What is wrong.
    public let message: String

    /// `line 12: unterminated quoted field`.
    public var description: String { "line \(line): \(message)" }
  }

  private let reader: ByteReader
  private var lineNumber = 0

  /// Reads records from a byte reader.
  public init(_ reader: ByteReader) { self.reader = reader }

  /// The next record's fields and the line it starts on, or `nil` at the end.
  /// - Throws: ``SyntaxError`` for an unterminated quote or invalid UTF-8, or the reader's error.
  public func next() throws -> (fields: [String], line: Int)? {
    guard var line = try reader.nextLine() else { return nil }
    lineNumber += 1
    let start = lineNumber
    var fields: [String] = []
    var field: [UInt8] = []
    var index = 0
    var inQuotes = false
    var wasQuoted = false
    func finishField() throws {
      guard let text = String(validating: field, as: UTF8.self) else {
        throw SyntaxError(line: start, message: "field \(fields.count + 1) is not valid UTF-8")
      }
      fields.append(text)
      field.removeAll(keepingCapacity: true)
      wasQuoted = false
    }
    while true {
      if index >= line.count {
        if inQuotes {
          // A quoted field continues on the next line.
          guard let more = try reader.nextLine() else {
            throw SyntaxError(line: start, message: "unterminated quoted field")
          }
          lineNumber += 1
          field.append(UInt8(ascii: "\n"))
          line = more
          index = 0
          continue
        }
        try finishField()
        return (fields, start)
      }
      let byte = line[index]
      index += 1
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index < line.count, line[index] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: ",") {
        try finishField()
      } else if byte == UInt8(ascii: "\""), field.isEmpty, !wasQuoted {
        inQuotes = true
        wasQuoted = true
      } else {
        field.append(byte)
      }
    }
  }
}
