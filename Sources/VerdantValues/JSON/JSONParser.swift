/// A strict RFC 8259 JSON parser that keeps numbers as exact text.
///
/// Rejects everything the RFC does not allow (comments, trailing commas, `NaN`, leading
/// zeros, unescaped control characters, lone surrogates, invalid UTF-8, trailing content)
/// and also duplicate keys, which the RFC only discourages: in policy data a repeated key
/// is almost always a mistake, and silently picking one value would hide it.
public enum JSONParser {
  /// Parses a complete JSON document from UTF-8 bytes.
  ///
  /// - Parameter bytes: The document; an optional UTF-8 byte order mark is skipped.
  /// - Parameter maximumDepth: How many arrays and objects may nest; deeper input is an
  ///   error. Parsing is iterative, so no depth can overflow the stack.
  /// - Returns: The document's value.
  /// - Throws: `JSONSyntaxError` describing the first problem and its position.
  public static func parse(
    _ bytes: some Collection<UInt8>, maximumDepth: Int = 512
  ) throws(JSONSyntaxError) -> JSONValue {
    let result = bytes.withContiguousStorageIfAvailable { buffer in
      parse(buffer: buffer, maximumDepth: maximumDepth)
    }
    if let result { return try result.get() }
    let copy = Array(bytes)
    return try copy.withUnsafeBufferPointer { buffer in
      parse(buffer: buffer, maximumDepth: maximumDepth)
    }.get()
  }

  /// Parses a complete JSON document from text.
  ///
  /// - Parameter text: The document.
  /// - Parameter maximumDepth: How many arrays and objects may nest; deeper input is an
  ///   error.
  /// - Returns: The document's value.
  /// - Throws: `JSONSyntaxError` describing the first problem and its position.
  public static func parse(
    _ text: String, maximumDepth: Int = 512
  ) throws(JSONSyntaxError) -> JSONValue {
    var text = text
    return try text.withUTF8 { buffer in
      parse(buffer: buffer, maximumDepth: maximumDepth)
    }.get()
  }

  /// Parses from a contiguous buffer, returning a `Result` so closures need not throw.
  static func parse(
    buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int
  ) -> Result<JSONValue, JSONSyntaxError> {
    var scanner = Scanner(bytes: buffer, maximumDepth: maximumDepth)
    do {
      return .success(try scanner.parseDocument())
    } catch {
      return .failure(error)
    }
  }
}

extension JSONParser {
  /// The kind of container whose members are being parsed.
  private enum Container {
    case array
    case object
  }

  /// A byte-level scanner over one document.
  ///
  /// Containers are kept on explicit stacks rather than the call stack, so nesting depth is
  /// limited only by `maximumDepth`, never by thread stack size.
  struct Scanner {
    /// The whole document.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The nesting limit.
    let maximumDepth: Int
    /// The next byte to read.
    var index = 0
    /// Where the document content starts (after a byte order mark), for column counting.
    var contentStart = 0
    /// Decoded bytes of the current string when it contains escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
      self.bytes = bytes
      self.maximumDepth = maximumDepth
    }

    /// Parses the document: one value surrounded by optional whitespace.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
      if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
        index = 3
        contentStart = 3
      }
      var containers: [Container] = []
      var arrays: [[JSONValue]] = []
      var objects: [JSONObject] = []
      var keys: [String] = []
      var value: JSONValue

      parsing: while true {
        skipWhitespace()
        guard index < bytes.count else {
          throw error("unexpected end of input, expected a value", at: index)
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
          guard containers.count < maximumDepth else { throw depthError() }
          index += 1
          skipWhitespace()
          if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            value = .object(JSONObject())
          } else {
            let object = JSONObject()
            keys.append(try parseKey(in: object, afterComma: false))
            containers.append(.object)
            objects.append(object)
            continue parsing
          }
        case UInt8(ascii: "["):
          guard containers.count < maximumDepth else { throw depthError() }
          index += 1
          skipWhitespace()
          if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            value = .array([])
          } else {
            containers.append(.array)
            arrays.append([])
            continue parsing
          }
        case UInt8(ascii: "\""):
          value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          value = .number(try parseNumber())
        case UInt8(ascii: "t"):
          try expectLiteral("true")
          value = .bool(true)
        case UInt8(ascii: "f"):
          try expectLiteral("false")
          value = .bool(false)
        case UInt8(ascii: "n"):
          try expectLiteral("null")
          value = .null
        case UInt8(ascii: "/"):
          throw error("expected a value (comments are not allowed)", at: index)
        default:
          throw error("expected a value", at: index)
        }

        // A value is complete: hand it to the enclosing containers, closing as many as
        // the input closes, until one wants another value.
        while true {
          skipWhitespace()
          guard let container = containers.last else {
            guard index == bytes.count else {
              throw error("expected end of input after the JSON value", at: index)
            }
            return value
          }
          let next: UInt8 = index < bytes.count ? bytes[index] : 0
          switch container {
          case .array:
            arrays[arrays.count - 1].append(value)
            if next == UInt8(ascii: ",") {
              index += 1
              skipWhitespace()
              if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                throw error(
                  "expected a value after `,` (trailing commas are not allowed)", at: index)
              }
              continue parsing
            }
            guard next == UInt8(ascii: "]") else {
              throw error("expected `,` or `]` after an array element", at: index)
            }
            index += 1
            containers.removeLast()
            value = .array(arrays.removeLast())
          case .object:
            objects[objects.count - 1].appendNew(key: keys.removeLast(), value: value)
            if next == UInt8(ascii: ",") {
              index += 1
              skipWhitespace()
              keys.append(try parseKey(in: objects[objects.count - 1], afterComma: true))
              continue parsing
            }
            guard next == UInt8(ascii: "}") else {
              throw error("expected `,` or `}` after an object member", at: index)
            }
            index += 1
            containers.removeLast()
            value = .object(objects.removeLast())
          }
        }
      }
    }

    /// Parses an object key and the `:` after it, rejecting keys already in `object`.
    mutating func parseKey(
      in object: JSONObject, afterComma: Bool
    ) throws(JSONSyntaxError) -> String {
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        if afterComma {
          if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            throw error(
              "expected a string key after `,` (trailing commas are not allowed)", at: index)
          }
          throw error("expected a string key after `,`", at: index)
        }
        throw error("expected a string key or `}`", at: index)
      }
      let keyStart = index
      let key = try parseString()
      if object.contains(key: key) {
        throw error("duplicate key `\(key)`", at: keyStart)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected `:` after an object key", at: index)
      }
      index += 1
      return key
    }

    /// Skips JSON whitespace: space, tab, line feed, carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    /// Consumes `true`, `false` or `null`.
    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
      let length = literal.utf8CodeUnitCount
      let expected = UnsafeBufferPointer(start: literal.utf8Start, count: length)
      guard index + length <= bytes.count,
        expected.elementsEqual(bytes[index..<index + length])
      else {
        throw error("expected a value (did you mean `\(literal)`?)", at: index)
      }
      index += length
    }

    /// Scans a number and returns its exact text.
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
      let start = index
      if bytes[index] == UInt8(ascii: "-") {
        index += 1
        guard isDigit() else { throw error("expected a digit after `-`", at: index) }
      }
      if bytes[index] == UInt8(ascii: "0") {
        index += 1
        if isDigit() { throw error("leading zeros are not allowed in numbers", at: start) }
      } else {
        while isDigit() { index += 1 }
      }
      if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard isDigit() else {
          throw error("expected a digit after the decimal point", at: index)
        }
        while isDigit() { index += 1 }
      }
      if index < bytes.count && bytes[index] | 0x20 == UInt8(ascii: "e") {
        index += 1
        if index < bytes.count
          && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
        {
          index += 1
        }
        guard isDigit() else { throw error("expected a digit in the exponent", at: index) }
        while isDigit() { index += 1 }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Whether the current byte is an ASCII digit.
    @inline(__always)
    func isDigit() -> Bool {
      index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10
    }

    /// Scans a string starting at its opening quote and returns its decoded contents.
    mutating func parseString() throws(JSONSyntaxError) -> String {
      index += 1
      var runStart = index
      var escaped = false
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
          index += 1
          if !escaped {
            // The common case: no escapes, so the source bytes are the string.
            return String(decoding: run, as: UTF8.self)
          }
          scratch.append(contentsOf: run)
          return String(decoding: scratch, as: UTF8.self)
        } else if byte == UInt8(ascii: "\\") {
          if !escaped {
            escaped = true
            scratch.removeAll(keepingCapacity: true)
          }
          scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          try decodeEscape()
          runStart = index
        } else if byte < 0x20 {
          let code = String(byte, radix: 16, uppercase: true)
          let padded = String(repeating: "0", count: 4 - code.count) + code
          throw error(
            "control character U+\(padded) must be escaped in a string", at: index)
        } else if byte < 0x80 {
          index += 1
        } else {
          index += try utf8SequenceLength(at: index)
        }
      }
      throw error("unterminated string, expected `\"`", at: index)
    }

    /// Decodes one escape sequence starting at a backslash, appending it to `scratch`.
    mutating func decodeEscape() throws(JSONSyntaxError) {
      let escapeStart = index
      guard index + 1 < bytes.count else {
        throw error("unterminated string, expected `\"`", at: bytes.count)
      }
      let simple: UInt8
      switch bytes[index + 1] {
      case UInt8(ascii: "\""): simple = 0x22
      case UInt8(ascii: "\\"): simple = 0x5C
      case UInt8(ascii: "/"): simple = 0x2F
      case UInt8(ascii: "b"): simple = 0x08
      case UInt8(ascii: "f"): simple = 0x0C
      case UInt8(ascii: "n"): simple = 0x0A
      case UInt8(ascii: "r"): simple = 0x0D
      case UInt8(ascii: "t"): simple = 0x09
      case UInt8(ascii: "u"):
        let unit = try hexQuad(at: index)
        index += 6
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
          // A high surrogate must be followed by an escaped low surrogate.
          guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u"), let low = try? hexQuad(at: index),
            (0xDC00...0xDFFF).contains(low)
          else {
            throw error(
              "expected a low surrogate escape (`\\uDC00` to `\\uDFFF`) after `"
                + sourceText(escapeStart..<escapeStart + 6) + "`", at: escapeStart)
          }
          index += 6
          scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
          throw error(
            "unpaired low surrogate `" + sourceText(escapeStart..<escapeStart + 6) + "`",
            at: escapeStart)
        }
        appendUTF8(scalarValue)
        return
      default:
        throw error(
          "invalid escape sequence, expected one of `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, "
            + "`\\n`, `\\r`, `\\t` or `\\u`", at: escapeStart)
      }
      scratch.append(simple)
      index += 2
    }

    /// Reads the four hex digits of a `\u` escape whose backslash is at `start`.
    func hexQuad(at start: Int) throws(JSONSyntaxError) -> UInt16 {
      var value: UInt16 = 0
      for position in start + 2..<start + 6 {
        guard position < bytes.count else {
          throw error("expected 4 hexadecimal digits after `\\u`", at: start)
        }
        let byte = bytes[position]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: throw error("expected 4 hexadecimal digits after `\\u`", at: start)
        }
        value = value << 4 | UInt16(digit)
      }
      return value
    }

    /// Appends a Unicode scalar value (never a surrogate) to `scratch` as UTF-8.
    mutating func appendUTF8(_ value: UInt32) {
      switch value {
      case ..<0x80:
        scratch.append(UInt8(truncatingIfNeeded: value))
      case ..<0x800:
        scratch.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
        scratch.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
      case ..<0x10000:
        scratch.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
        scratch.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
        scratch.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
      default:
        scratch.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
        scratch.append(UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
        scratch.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
        scratch.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
      }
    }

    /// The length of the well-formed UTF-8 sequence at `start` (Unicode table 3-7).
    func utf8SequenceLength(at start: Int) throws(JSONSyntaxError) -> Int {
      guard let length = validSequenceLength(at: start) else {
        throw error("invalid UTF-8 byte sequence", at: start)
      }
      return length
    }

    /// The length of the well-formed UTF-8 sequence at `start`, or `nil` if it is invalid.
    func validSequenceLength(at start: Int) -> Int? {
      let lead = bytes[start]
      let length: Int
      var secondRange: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0x00...0x7F: return 1
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; secondRange = 0xA0...0xBF
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; secondRange = 0x80...0x9F
      case 0xF0: length = 4; secondRange = 0x90...0xBF
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; secondRange = 0x80...0x8F
      default: return nil
      }
      guard start + length <= bytes.count, secondRange.contains(bytes[start + 1]) else {
        return nil
      }
      for position in start + 2..<start + length where bytes[position] & 0xC0 != 0x80 {
        return nil
      }
      return length
    }

    /// The source bytes in `range` as text, for quoting in messages.
    func sourceText(_ range: Range<Int>) -> String {
      let clamped = range.clamped(to: 0..<bytes.count)
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[clamped]), as: UTF8.self)
    }

    /// The error for nesting beyond `maximumDepth`.
    func depthError() -> JSONSyntaxError {
      error("nesting deeper than the maximum depth of \(maximumDepth)", at: index)
    }

    /// Builds an error at a byte offset, computing its line and column.
    ///
    /// Positions are only computed on failure, so successful parses pay nothing for them.
    /// Bytes outside strings that are not valid UTF-8 are reported as such rather than
    /// with the structural message, since that is the real problem.
    func error(_ message: String, at offset: Int) -> JSONSyntaxError {
      var message = message
      if offset < bytes.count, bytes[offset] >= 0x80, validSequenceLength(at: offset) == nil {
        message = "invalid UTF-8 byte sequence"
      }
      var line = 1
      var column = 1
      var position = contentStart
      while position < offset && position < bytes.count {
        let byte = bytes[position]
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        position += 1
      }
      return JSONSyntaxError(message: message, line: line, column: column, offset: offset)
    }
  }
}
