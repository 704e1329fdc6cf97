/// Parses catalog record paths and field selectors.
///
/// Grammar (whitespace is not allowed inside a path):
///
/// ```
/// record-path := "/" step ("/" step)*
/// selector    := "."  |  ("../")* "@" name  |  step ("/" step)* ("/@" name)?
/// step        := name ("[" "@" name "=" quoted "]")*
/// name        := (ncname ":")? ncname
/// quoted      := "'" chars "'" | '"' chars '"'
/// ```
public enum XMLPathParser {
  /// A syntax error, with the offset (in Unicode scalars) of the offending character.
  public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// Where, as a scalar offset into the parsed text.
    public let offset: Int

    /// Creates an error.
    public init(_ message: String, at offset: Int) {
      self.message = message
      self.offset = offset
    }

    /// The message.
    public var description: String { message }
  }

  /// Parses an absolute record path such as `/catalog/standard/limit`.
  public static func parseRecordPath(_ text: String) throws(SyntaxError) -> XMLRecordPath {
    var scanner = Scanner(text)
    guard scanner.eat("/") else {
      throw SyntaxError("a record path starts with `/`, e.g. `/catalog/standard/limit`", at: 0)
    }
    var steps = [try scanner.step()]
    while scanner.eat("/") { steps.append(try scanner.step()) }
    try scanner.end()
    return XMLRecordPath(steps: steps)
  }

  /// Parses a field selector such as `@mrl`, `../@code` or `Value[@ColumnRef='code']/SimpleValue`.
  public static func parseSelector(_ text: String) throws(SyntaxError) -> XMLSelector {
    var scanner = Scanner(text)
    if scanner.eat("."), scanner.atEnd { return .ownText }
    scanner = Scanner(text)
    var levels = 0
    while scanner.eat("../") { levels += 1 }
    if scanner.eat("@") {
      let name = try scanner.name()
      try scanner.end()
      return .attribute(name, levelsUp: levels)
    }
    guard levels == 0 else {
      throw SyntaxError(
        "only attributes of ancestors can be selected: write `../@name`", at: scanner.position)
    }
    var steps = [try scanner.step()]
    while scanner.eat("/") {
      if scanner.eat("@") {
        let name = try scanner.name()
        try scanner.end()
        return .childAttribute(steps, name)
      }
      steps.append(try scanner.step())
    }
    try scanner.end()
    return .childText(steps)
  }

  /// A cursor over the scalars of a path.
  private struct Scanner {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool { position >= scalars.count }

    mutating func eat(_ literal: String) -> Bool {
      let expected = Array(literal.unicodeScalars)
      guard position + expected.count <= scalars.count,
        Array(scalars[position..<(position + expected.count)]) == expected
      else { return false }
      position += expected.count
      return true
    }

    func end() throws(SyntaxError) {
      guard atEnd else {
        throw SyntaxError("unexpected `\(scalars[position])` in the path", at: position)
      }
    }

    mutating func step() throws(SyntaxError) -> XMLStep {
      let name = try self.name()
      var predicates: [XMLPredicate] = []
      while eat("[") {
        guard eat("@") else {
          throw SyntaxError(
            "a predicate tests an attribute: write `[@name='value']`", at: position)
        }
        let attribute = try self.name()
        guard eat("=") else { throw SyntaxError("expected `=` in the predicate", at: position) }
        let value = try quoted()
        guard eat("]") else { throw SyntaxError("expected `]` to close the predicate", at: position) }
        predicates.append(XMLPredicate(attribute: attribute, value: value))
      }
      return XMLStep(name: name, predicates: predicates)
    }

    mutating func name() throws(SyntaxError) -> XMLName {
      let first = try ncname()
      if eat(":") { return XMLName(prefix: first, localName: try ncname()) }
      return XMLName(localName: first)
    }

    /// An XML name without a colon: a letter or `_`, then letters, digits, `_`, `-` and `.`.
    mutating func ncname() throws(SyntaxError) -> String {
      let start = position
      while position < scalars.count {
        let scalar = scalars[position]
        let isStart = scalar.properties.isAlphabetic || scalar == "_"
        let isPart = isStart || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
        if position == start ? !isStart : !isPart { break }
        position += 1
      }
      guard position > start else {
        let found = atEnd ? "the end of the path" : "`\(scalars[position])`"
        throw SyntaxError("expected an element or attribute name, found \(found)", at: start)
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars[start..<position])
      return text
    }

    mutating func quoted() throws(SyntaxError) -> String {
      guard position < scalars.count, scalars[position] == "'" || scalars[position] == "\"" else {
        throw SyntaxError("expected a quoted value such as 'code'", at: position)
      }
      let quote = scalars[position]
      position += 1
      let start = position
      while position < scalars.count, scalars[position] != quote { position += 1 }
      guard position < scalars.count else {
        throw SyntaxError("unterminated quoted value", at: start - 1)
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars[start..<position])
      position += 1
      return text
    }
  }
}
