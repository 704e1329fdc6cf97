extension Parser {
  /// `table name[: T] hit policy { inputs => outputs  rows… }`.
  mutating func parseTable() throws(Failure) -> TableDeclaration {
    advance()
    let name = try expectIdentifier("after `table`")
    var type: TypeSyntax?
    if eat(.colon) != nil { type = try parseType() }
    guard eatWord("hit") != nil else {
      throw fail(
        .expectedToken(
          "`hit` and a hit policy", "after the table name", found: current,
          help: "write `table \(name.name): T hit first { … }`; policies are unique, first, "
            + "priority, any, collect, collect sum|min|max|count"))
    }
    let policyStart = current.span
    let policy = try parseHitPolicy()
    let policySpan = policyStart.merged(with: previous.span)
    try expect(.leftBrace, "to open the table")
    let (inputs, outputs) = try parseTableHeader()
    var rows: [TableDeclaration.Row] = []
    let errorsBefore = diagnostics.diagnostics.count
    while !at(.rightBrace), !at(.endOfFile) {
      if isDeclarationStart(current), current.isAtLineStart { break }
      let start = index
      do {
        rows.append(try parseRow())
      } catch {
        recover(from: start, until: { $0.isAtLineStart })
      }
    }
    let close = try expect(.rightBrace, "to close the table `\(name.name)`")
    if rows.isEmpty, diagnostics.diagnostics.count == errorsBefore {
      diagnostics.report(
        .emptyBlock(
          "table `\(name.name)`", at: name.span.merged(with: close.span),
          help: "add rows under the header, one per line: `A | >= 20% => gold`"))
    }
    return TableDeclaration(
      name: name, type: type, hitPolicy: policy, hitPolicySpan: policySpan, inputs: inputs,
      outputs: outputs, rows: rows)
  }

  private mutating func parseHitPolicy() throws(Failure) -> HitPolicy {
    if eatWord("unique") != nil { return .unique }
    if eatWord("first") != nil { return .first }
    if eatWord("priority") != nil { return .priority }
    if eatWord("any") != nil { return .any }
    if eatWord("collect") != nil {
      guard at(.identifier), !current.isAtLineStart,
        let aggregation = HitPolicy.Aggregation(rawValue: current.text)
      else { return .collect }
      advance()
      return .collectAggregate(aggregation)
    }
    throw fail(
      .expectedToken(
        "a hit policy", "after `hit`", found: current,
        help: "policies are unique, first, priority, any, collect, collect sum|min|max|count"))
  }

  /// `expr | expr => name | name`.
  private mutating func parseTableHeader() throws(Failure) -> ([Expr], [Identifier]) {
    try parsingRows { parser throws(Failure) in
      var inputs: [Expr] = []
      repeat {
        inputs.append(try parser.parseExpression("as an input column"))
      } while parser.eat(.pipe) != nil
      try parser.expect(
        .fatArrow, "after the input columns",
        help: "the header lists input columns, then `=>` and the output names")
      var outputs: [Identifier] = []
      repeat {
        outputs.append(try parser.expectIdentifier("as an output column name"))
      } while parser.eat(.pipe) != nil || parser.eat(.comma) != nil
      return (inputs, outputs)
    }
  }

  /// `cell | cell => value | value [because "…"]`, ending at the line break.
  private mutating func parseRow() throws(Failure) -> TableDeclaration.Row {
    try parsingRows { parser throws(Failure) in
      let start = parser.current
      var cells: [Cell] = []
      repeat {
        cells.append(try parser.parseCell(allowsOtherwise: false))
      } while parser.eat(.pipe) != nil
      try parser.expect(.fatArrow, "after the row's cells")
      var outputs: [Expr] = []
      repeat {
        outputs.append(try parser.parseExpression("as an output value"))
      } while parser.eat(.pipe) != nil || parser.eat(.comma) != nil  // as the header allows
      var reason: StringLiteral?
      if parser.eat(.because) != nil {
        reason = try parser.expectString("after `because`")
      }
      if parser.continuesExpression, !parser.at(.rightBrace) {
        throw parser.fail(
          .expectedToken(
            "the end of the row", "", found: parser.current,
            help: "put each row on its own line"))
      }
      return TableDeclaration.Row(
        cells: cells, outputs: outputs, reason: reason,
        span: start.span.merged(with: parser.previous.span))
    }
  }
}
