/// Splits one RFC 4180 CSV record into its fields: comma-separated, optionally double-quoted
/// (a quoted field may contain commas, line breaks and doubled quotes `""`).
public enum CSVFields {
  /// The fields of a record.
  /// - Returns: The fields, or a reason when a field is not valid UTF-8 or text follows a
  ///   closing quote.
  public static func split(_ record: ArraySlice<UInt8>) -> Result<[String], CSVFieldError> {
    var fields: [String] = []
    fields.reserveCapacity(16)
    var index = record.startIndex
    let end = record.endIndex
    var unquoted: [UInt8] = []
    while true {
      var text: String?
      if index < end, record[index] == UInt8(ascii: "\"") {
        // Quoted: copy until the closing quote, turning `""` into `"`.
        unquoted.removeAll(keepingCapacity: true)
        index += 1
        var closed = false
        while index < end {
          let byte = record[index]
          index += 1
          if byte == UInt8(ascii: "\"") {
            if index < end, record[index] == UInt8(ascii: "\"") {
              unquoted.append(byte)
              index += 1
            } else {
              closed = true
              break
            }
          } else {
            unquoted.append(byte)
          }
        }
        guard closed else {
          return .failure(CSVFieldError(field: fields.count + 1, message: "quoted field is never closed"))
        }
        guard index == end || record[index] == UInt8(ascii: ",") else {
          return .failure(
            CSVFieldError(field: fields.count + 1, message: "text after the closing quote"))
        }
        text = decode(unquoted[...])
      } else {
        let fieldEnd = record[index...].firstIndex(of: UInt8(ascii: ",")) ?? end
        text = decode(record[index..<fieldEnd])
        index = fieldEnd
      }
      guard let text else {
        return .failure(CSVFieldError(field: fields.count + 1, message: "not valid UTF-8"))
      }
      fields.append(text)
      if index == end { return .success(fields) }
      index += 1  // the comma
    }
  }
}

extension CSVFields {
  /// The text of UTF-8 bytes, or `nil` when they are not valid UTF-8. ASCII (most cells) takes
  /// a fast path; the general validator is not specialised and costs several times more.
  static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
    var ascii = true
    for byte in bytes where byte >= 0x80 {
      ascii = false
      break
    }
    if ascii { return String(decoding: bytes, as: UTF8.self) }
    return String(validating: bytes, as: UTF8.self)
  }
}

/// Why a CSV record could not be split into fields.
public struct CSVFieldError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The 1-based position of the bad field.
  public let field: Int
  /// What is wrong.
  public let message: String

  /// `field 3: not valid UTF-8`.
  public var description: String { "field \(field): \(message)" }
}
