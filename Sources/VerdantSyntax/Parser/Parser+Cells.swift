extension Parser {
  /// Parses a cell of a table row or the condition of a scorecard bin.
  /// - Parameter allowsOtherwise: Whether `otherwise` is accepted (scorecard bins).
  mutating func parseCell(allowsOtherwise: Bool) throws(Failure) -> Cell {
    let start = current
    if at(.minus), peek().kind == .pipe || peek().kind == .fatArrow {
      advance()
      return Cell(.any, span: start.span)
    }
    if allowsOtherwise, eat(.otherwise) != nil {
      return Cell(.otherwise, span: start.span)
    }
    if let op = cellComparison() {
      advance()
      let bound = try parseCellValue("after `\(start.text)`")
      return Cell(.comparison(op, bound), span: start.span.merged(with: bound.span))
    }
    if eat(.in) != nil {
      var sets = [try parseCellValue("after `in`")]
      while continuesExpression, eat(.comma) != nil {
        sets.append(try parseCellValue("after `,`"))
      }
      return Cell(.within(sets), span: start.span.merged(with: sets[sets.count - 1].span))
    }
    if eat(.contains) != nil {
      let element = try parseCellValue("after `contains`")
      return Cell(.contains(element), span: start.span.merged(with: element.span))
    }
    let first = try parseCellValue("as a cell")
    if at(.halfOpenRange) || at(.closedRange) {
      let closed = advance().kind == .closedRange
      let upper = try parseCellValue(closed ? "after `...`" : "after `..<`")
      return Cell(.range(first, upper, closed: closed), span: first.span.merged(with: upper.span))
    }
    var values = [first]
    while continuesExpression, eat(.comma) != nil {
      values.append(try parseCellValue("after `,`"))
    }
    return Cell(.values(values), span: first.span.merged(with: values[values.count - 1].span))
  }

  /// A comparison operator starting a cell (`< 0.3`, `>= 90%`, `!= A`).
  private func cellComparison() -> BinaryOperator? {
    switch current.kind {
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    case .equalEqual: return .equal
    case .bangEqual: return .notEqual
    default: return nil
    }
  }

  /// A value inside a cell: an expression without comparisons, so `|`, `,`, `..<` and `=>`
  /// end it.
  private mutating func parseCellValue(_ context: String) throws(Failure) -> Expr {
    guard atExpressionStart else { throw fail(.expectedExpression(context, found: current)) }
    return try parseCoalesce()
  }
}
