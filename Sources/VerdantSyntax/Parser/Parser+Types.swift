extension Parser {
  /// Parses a type: a name with optional generic arguments, optionally followed by `?`.
  mutating func parseType() throws(Failure) -> TypeSyntax {
    guard at(.identifier) else { throw fail(.expectedType(found: current)) }
    let nameToken = advance()
    let name = Identifier(name: nameToken.text, span: nameToken.span)
    var arguments: [TypeSyntax] = []
    if eat(.less) != nil {
      repeat {
        arguments.append(try parseType())
      } while eat(.comma) != nil
      try expect(.greater, "to close the type arguments of `\(name.name)`")
    }
    var type = TypeSyntax(kind: .named(name, arguments: arguments), span: span(from: name.span))
    while let question = eat(.question) {
      type = TypeSyntax(kind: .optional(type), span: type.span.merged(with: question.span))
    }
    return type
  }
}
