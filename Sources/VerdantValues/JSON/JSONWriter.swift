/// Serialises `JSONValue`s as RFC 8259 text.
///
/// Output is deterministic: members keep their order and numbers are written verbatim
/// from their source text, so parsing and writing a document changes only whitespace.
public enum JSONWriter {
  /// Renders a value as JSON text.
  ///
  /// Strings escape only what RFC 8259 requires: `"`, `\` and control characters below
  /// U+0020 (as `\n`, `\t`, `\r`, `\b`, `\f` or `\u00XX`); `/` and non-ASCII text are kept
  /// as they are.
  ///
  /// - Parameter value: The value to write.
  /// - Parameter pretty: `false` for compact output such as `{"a":1,"b":[true,null]}`;
  ///   `true` for one member or element per line, indented by two spaces, with `"key": value`
  ///   and empty containers written as `[]` and `{}`.
  /// - Returns: The JSON text, without a trailing newline.
  public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(value, to: &output, pretty: pretty, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends a value's compact JSON text to a byte buffer (for writers that stream many
  /// documents into one buffer).
  public static func append(_ value: JSONValue, to output: inout [UInt8]) {
    write(value, to: &output, pretty: false, indent: 0)
  }

  /// Appends a string as a quoted, escaped JSON string.
  public static func append(string text: String, to output: inout [UInt8]) {
    writeString(text, to: &output)
  }

  /// Appends a value to the output.
  ///
  /// Recursive: depth is bounded by the value's own nesting, which the parser limits.
  private static func write(
    _ value: JSONValue, to output: inout [UInt8], pretty: Bool, indent: Int
  ) {
    switch value {
    case .null:
      output.append(contentsOf: "null".utf8)
    case .bool(let flag):
      output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let text):
      output.append(contentsOf: text.utf8)
    case .string(let text):
      writeString(text, to: &output)
    case .array(let elements):
      guard !elements.isEmpty else {
        output.append(contentsOf: "[]".utf8)
        return
      }
      output.append(UInt8(ascii: "["))
      for (position, element) in elements.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        if pretty { newline(to: &output, indent: indent + 1) }
        write(element, to: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(to: &output, indent: indent) }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      guard object.count > 0 else {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(UInt8(ascii: "{"))
      for (position, entry) in object.entries.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        if pretty { newline(to: &output, indent: indent + 1) }
        writeString(entry.key, to: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        write(entry.value, to: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(to: &output, indent: indent) }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Appends a line break and the indentation for `indent` levels.
  private static func newline(to output: inout [UInt8], indent: Int) {
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  /// Appends a quoted, escaped string.
  private static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
      case 0x0A: output.append(contentsOf: "\\n".utf8)
      case 0x09: output.append(contentsOf: "\\t".utf8)
      case 0x0D: output.append(contentsOf: "\\r".utf8)
      case 0x08: output.append(contentsOf: "\\b".utf8)
      case 0x0C: output.append(contentsOf: "\\f".utf8)
      case ..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "\\u00".utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      default:
        output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
