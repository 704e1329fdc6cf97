extension Parser {
  /// `scorecard name { baseline x  characteristic expr [as name] [weight w] { bins } … }`.
  mutating func parseScorecard() throws(Failure) -> ScorecardDeclaration {
    advance()
    let name = try expectIdentifier("after `scorecard`")
    let open = try expect(.leftBrace, "to open the scorecard")
    var baseline: Expr?
    var characteristics: [ScorecardDeclaration.Characteristic] = []
    // An empty block is only worth reporting when nothing inside it failed to parse.
    let errorsBefore = diagnostics.diagnostics.count
    while !at(.rightBrace), !at(.endOfFile) {
      if isDeclarationStart(current), current.isAtLineStart { break }
      let start = index
      do {
        if let keyword = eatWord("baseline") {
          let value = try parsingRows { parser throws(Failure) in
            try parser.parseExpression("after `baseline`")
          }
          if baseline != nil {
            diagnostics.report(
              .expectedToken(
                "one `baseline`", "in a scorecard", found: keyword,
                help: "a scorecard has at most one baseline"))
          }
          baseline = value
        } else if atWord("characteristic") {
          characteristics.append(try parseCharacteristic())
        } else {
          throw fail(
            .expectedToken(
              "`characteristic` or `baseline`", "in a scorecard", found: current,
              help: "write `characteristic value { < 0.3 => 30 … }`"))
        }
      } catch {
        recover(from: start, until: { $0.isAtLineStart && ($0.isWord("characteristic") || $0.isWord("baseline")) })
      }
    }
    let close = try expect(.rightBrace, "to close the scorecard `\(name.name)`")
    if characteristics.isEmpty, diagnostics.diagnostics.count == errorsBefore {
      diagnostics.report(
        .emptyBlock(
          "scorecard `\(name.name)`", at: open.span.merged(with: close.span),
          help: "add characteristics: `characteristic value { < 0.3 => 30  otherwise => 0 }`"))
    }
    return ScorecardDeclaration(name: name, baseline: baseline, characteristics: characteristics)
  }

  private mutating func parseCharacteristic() throws(Failure) -> ScorecardDeclaration.Characteristic {
    let keyword = advance()
    let subject = try parseExpression("after `characteristic`")
    var alias: Identifier?
    if eatWord("as") != nil { alias = try expectIdentifier("after `as`") }
    var weight: Expr?
    if eatWord("weight") != nil {
      weight = try parseExpression("after `weight`")
    }
    let open = try expect(
      .leftBrace, "to open the bins of the characteristic",
      help: "write `characteristic value [as name] [weight w] { bins }`")
    var bins: [ScorecardDeclaration.Bin] = []
    let errorsBefore = diagnostics.diagnostics.count
    while !at(.rightBrace), !at(.endOfFile) {
      let start = index
      do {
        bins.append(try parseBin())
      } catch {
        recover(from: start, until: { $0.isAtLineStart })
      }
    }
    let close = try expect(.rightBrace, "to close the characteristic")
    if bins.isEmpty, diagnostics.diagnostics.count == errorsBefore {
      diagnostics.report(
        .emptyBlock(
          "characteristic `\(subject.span.text)`", at: open.span.merged(with: close.span),
          help: "add bins such as `< 0.3 => 30`"))
    }
    return ScorecardDeclaration.Characteristic(
      subject: subject, alias: alias, weight: weight, bins: bins,
      span: keyword.span.merged(with: close.span), doc: keyword.docComment)
  }

  private mutating func parseBin() throws(Failure) -> ScorecardDeclaration.Bin {
    try parsingRows { parser throws(Failure) in
      let start = parser.current
      let condition = try parser.parseCell(allowsOtherwise: true)
      try parser.expect(.fatArrow, "after the bin condition", help: "write `< 0.3 => 30`")
      let points = try parser.parseExpression("as the points of the bin")
      var reason: StringLiteral?
      if parser.eatWord("reason") != nil {
        reason = try parser.expectString("after `reason`")
      }
      if parser.continuesExpression, !parser.at(.rightBrace) {
        throw parser.fail(
          .expectedToken(
            "the end of the bin", "", found: parser.current,
            help: "put each bin on its own line: `condition => points [reason \"CODE\"]`"))
      }
      return ScorecardDeclaration.Bin(
        condition: condition, points: points, reason: reason,
        span: start.span.merged(with: parser.previous.span))
    }
  }
}
