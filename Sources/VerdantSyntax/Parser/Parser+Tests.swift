extension Parser {
  /// `test "name" { as of DATE  given input = {…}  expect condition … }`.
  mutating func parseTest() throws(Failure) -> TestDeclaration {
    advance()
    let name = try expectString("after `test`")
    try expect(.leftBrace, "to open the test")
    var asOf: DateLiteral?
    var givens: [TestDeclaration.Given] = []
    var expectations: [Expr] = []
    while !at(.rightBrace), !at(.endOfFile) {
      if isDeclarationStart(current), current.isAtLineStart { break }
      let start = index
      do {
        if eatWord("as") != nil {
          try expect(.keyword(.of), "after `as`", help: "write `as of 2025-09-01`")
          asOf = try expectDate("after `as of`")
        } else if eatWord("given") != nil {
          let input = try expectIdentifier("after `given`")
          try expect(.equal, "after `given \(input.name)`")
          givens.append(.init(input: input, value: try parseExpression("as the given value")))
        } else if eatWord("expect") != nil {
          expectations.append(try parseExpression("after `expect`"))
        } else {
          throw fail(
            .expectedToken(
              "`as of`, `given` or `expect`", "in a test", found: current,
              help: "a test sets `as of DATE`, gives inputs with `given`, and checks with `expect`"))
        }
      } catch {
        recover(from: start, until: { $0.isAtLineStart && ($0.isWord("expect") || $0.isWord("given") || $0.isWord("as")) })
      }
    }
    try expect(.rightBrace, "to close the test")
    return TestDeclaration(name: name, asOf: asOf, givens: givens, expectations: expectations)
  }
}
