import VerdantSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns diagnostic drafts into diagnostics whose spans point into one-line excerpts of the
/// XML, so a renderer can show `file:line:col`, the line and a caret without the file being
/// held in memory.
enum SourceExcerpts {
  /// How many lines around a reported line are read to find a start tag or an attribute.
  static let window = 4

  /// Builds the diagnostics, reading each file once for all the lines they need.
  static func resolve(_ drafts: [DiagnosticDraft]) -> [Diagnostic] {
    var wanted: [String: Set<Int>] = [:]
    for draft in drafts {
      for location in [draft.location] + draft.notes {
        let line = max(1, location.line)
        wanted[location.file, default: []].formUnion(max(1, line - window)...(line + window))
      }
    }
    var lines: [String: [Int: [UInt8]]] = [:]
    for (file, numbers) in wanted { lines[file] = readLines(numbers, of: file) }
    var excerpts: [String: SourceFile] = [:]
    func span(_ location: XMLLocation) -> Span {
      let (line, start, end) = locate(location, in: lines[location.file] ?? [:])
      let key = "\(line):\(location.file)"
      let excerpt: SourceFile
      if let cached = excerpts[key] {
        excerpt = cached
      } else {
        let text = String(decoding: lines[location.file]?[line] ?? [], as: UTF8.self)
        excerpt = SourceFile(path: location.file, text: text, firstLine: line)
        excerpts[key] = excerpt
      }
      return Span(file: excerpt, start: start, end: end)
    }
    return drafts.map { $0.build(span($0.location), $0.notes.map(span)) }
  }

  /// Sorts diagnostics by file, line and column (excerpt offsets are not comparable across
  /// excerpts, so ``Array/sortedByLocation()`` does not apply), errors first at one place.
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted { a, b in
      let (x, y) = (a.span.location, b.span.location)
      if a.span.file.path != b.span.file.path { return a.span.file.path < b.span.file.path }
      if x.line != y.line { return x.line < y.line }
      if x.column != y.column { return x.column < y.column }
      if a.severity != b.severity { return a.severity < b.severity }
      return a.message < b.message
    }
  }

  // MARK: - Finding the column

  /// The line, and the byte range on it, that a location points at.
  static func locate(_ location: XMLLocation, in lines: [Int: [UInt8]])
    -> (line: Int, start: Int, end: Int)
  {
    let line = max(1, location.line)
    let bytes = normalized(lines[line] ?? [])
    if let column = location.column {
      let start = byteOffset(ofColumn: column, in: bytes)
      if location.pointsPastEntity,
        let ampersand = bytes[..<min(start, bytes.count)].lastIndex(of: UInt8(ascii: "&"))
      {
        let semicolon = bytes[ampersand...].firstIndex(of: UInt8(ascii: ";")) ?? ampersand
        return (line, ampersand, semicolon + 1)
      }
      return (line, start, start + 1)
    }
    // The element's start tag: on the line libxml2 gave, or up to `window` lines before it
    // when the start tag spans several lines.
    var anchor = (line: line, offset: 0)
    var anchorEnd = 0
    if let element = location.element {
      for candidate in stride(from: line, through: max(1, line - window), by: -1) {
        let text = normalized(lines[candidate] ?? [])
        if let found = findStartTag(element, in: text) {
          anchor = (candidate, found.lowerBound)
          anchorEnd = found.upperBound
          break
        }
      }
    }
    let needle: (find: ([UInt8], Int) -> Range<Int>?, present: Bool)
    if let attribute = location.attribute {
      needle = ({ findAttribute(attribute, in: $0, from: $1) }, true)
    } else if let literal = location.literal {
      needle = ({ findLiteral(Array(literal.utf8), in: $0, from: $1) }, true)
    } else {
      needle = ({ _, _ in nil }, false)
    }
    if needle.present {
      var from = anchor.offset
      for candidate in anchor.line...(line + window) {
        let text = normalized(lines[candidate] ?? [])
        if let found = needle.find(text, from) {
          return (candidate, found.lowerBound, found.upperBound)
        }
        from = 0
      }
    }
    return (anchor.line, anchor.offset, max(anchorEnd, anchor.offset + 1))
  }

  /// The line's bytes as they appear in the excerpt text (invalid UTF-8 repaired), so that
  /// offsets found here are offsets into the excerpt.
  private static func normalized(_ bytes: [UInt8]) -> [UInt8] {
    Array(String(decoding: bytes, as: UTF8.self).utf8)
  }

  /// The byte offset of a 1-based column counted in Unicode scalars (clamped to the line).
  private static func byteOffset(ofColumn column: Int, in bytes: [UInt8]) -> Int {
    var remaining = column - 1
    var offset = 0
    while remaining > 0, offset < bytes.count {
      offset += 1
      while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      remaining -= 1
    }
    return offset
  }

  /// `<name` or `<prefix:name` followed by whitespace, `/`, `>` or the end of the line: the
  /// range covers `<` and the name.
  static func findStartTag(_ local: String, in bytes: [UInt8]) -> Range<Int>? {
    let name = Array(local.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "<"),
        let end = matchQualifiedName(name, in: bytes, at: index + 1),
        end == bytes.count || isDelimiter(bytes[end])
      {
        return index..<end
      }
      index += 1
    }
    return nil
  }

  /// `name=` or `prefix:name =` preceded by whitespace, at or after `start`: the range covers
  /// the name and, when it is on the same line, the quoted value.
  static func findAttribute(_ local: String, in bytes: [UInt8], from start: Int) -> Range<Int>? {
    let name = Array(local.utf8)
    var index = max(start, 1)
    while index < bytes.count {
      if isSpace(bytes[index - 1]), let end = matchQualifiedName(name, in: bytes, at: index) {
        var cursor = end
        while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
          cursor += 1
          while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
          if cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
            let quote = bytes[cursor]
            var close = cursor + 1
            while close < bytes.count, bytes[close] != quote { close += 1 }
            if close < bytes.count { return index..<(close + 1) }
          }
          return index..<end
        }
      }
      index += 1
    }
    return nil
  }

  /// The first occurrence of `literal` at or after `start`.
  static func findLiteral(_ literal: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
    guard !literal.isEmpty, bytes.count >= literal.count, start <= bytes.count - literal.count
    else { return nil }
    for index in start...(bytes.count - literal.count)
    where bytes[index..<(index + literal.count)].elementsEqual(literal) {
      return index..<(index + literal.count)
    }
    return nil
  }

  /// Matches `name` or `prefix:name` at `index`; returns the index after the name.
  private static func matchQualifiedName(_ name: [UInt8], in bytes: [UInt8], at index: Int)
    -> Int?
  {
    func matchesName(at position: Int) -> Int? {
      guard position + name.count <= bytes.count,
        bytes[position..<(position + name.count)].elementsEqual(name)
      else { return nil }
      let end = position + name.count
      return end < bytes.count && isNameByte(bytes[end]) ? nil : end
    }
    if let end = matchesName(at: index) { return end }
    // A prefix: name characters up to a colon, then the local name.
    var cursor = index
    while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
    guard cursor > index, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else {
      return nil
    }
    return matchesName(at: cursor + 1)
  }

  /// A byte that can continue an XML name (ASCII name characters and any non-ASCII byte).
  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
      UInt8(ascii: "."), 0x80...0xFF:
      return true
    default:
      return false
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool { XMLNodes.isXMLWhitespace(byte) }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
  }

  // MARK: - Reading lines

  /// Reads the given 1-based lines of a file (without their terminators) in one pass; lines
  /// past the end, or of a file that cannot be read, are left out.
  static func readLines(_ numbers: Set<Int>, of path: String) -> [Int: [UInt8]] {
    guard let last = numbers.max() else { return [:] }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return [:] }
    defer { close(descriptor) }
    var result: [Int: [UInt8]] = [:]
    var line = 1
    var current: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var finished = false
    while !finished {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count <= 0 { break }
      chunk.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        var index = 0
        while index < count {
          // memchr keeps the scan fast when the wanted lines are deep in a large file.
          let found = memchr(base + index, 0x0A, count - index)
          let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
          if numbers.contains(line) {
            current.append(contentsOf: UnsafeBufferPointer(start: base + index, count: end - index))
          }
          if end == count { break }
          if numbers.contains(line) {
            if current.last == 0x0D { current.removeLast() }
            result[line] = current
          }
          current = []
          line += 1
          index = end + 1
          if line > last {
            finished = true
            break
          }
        }
      }
    }
    if numbers.contains(line), !current.isEmpty {
      if current.last == 0x0D { current.removeLast() }
      result[line] = current
    }
    return result
  }
}
