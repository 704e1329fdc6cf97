import VerdantValues

extension Parser {
  /// Words that turn a number into a duration literal: `30 days`.
  static let durationUnits: Set<String> = [
    "day", "days", "week", "weeks", "month", "months", "year", "years",
  ]

  // MARK: - Entry

  /// Parses a full expression.
  /// - Parameter context: Where the expression is expected, for the "expected …" message.
  mutating func parseExpression(_ context: String) throws(Failure) -> Expr {
    guard atExpressionStart else {
      throw fail(.expectedExpression(context, found: current))
    }
    return try parseConditional()
  }

  /// Whether the current token can begin an expression.
  var atExpressionStart: Bool {
    let token = current
    switch token.kind {
    case .identifier:
      // A declaration keyword at the start of a line begins the next declaration, even when
      // the previous expression is unfinished (`let w = 1 +` followed by `let v = …`).
      return !(token.isAtLineStart && isDeclarationStart(token))
    case .integer, .decimal, .percent, .string, .date, .regionCode, .leftParen,
      .leftBracket, .leftBrace, .minus:
      return true
    case .keyword(let keyword):
      return [.true, .false, .not, .if].contains(keyword)
        || (keyword == .contains && peek().kind == .leftParen)
    default:
      return false
    }
  }

  mutating func parseConditional() throws(Failure) -> Expr {
    if let start = eat(.if) {
      let condition = try parseExpression("after `if`")
      try expect(.keyword(.then), "after the condition of `if`")
      let then = try parseExpression("after `then`")
      try expect(
        .keyword(.else), "after the `then` value", help: "`if` always needs an `else` value")
      let otherwise = try parseExpression("after `else`")
      return Expr(.conditional(condition, then, otherwise), span: span(from: start.span))
    }
    if (atWord("any") || atWord("all")), peek().kind == .identifier, peek(2).kind == .keyword(.in) {
      return try parseQuantifier()
    }
    return try parseOr()
  }

  mutating func parseQuantifier() throws(Failure) -> Expr {
    let start = advance()
    let quantifier: Quantifier = start.text == "any" ? .any : .all
    let variable = try expectIdentifier("after `\(start.text)`")
    try expect(.keyword(.in), "after the variable")
    let collection = try parseCoalesce()
    try expect(
      .colon, "after the collection",
      help: "write `\(start.text) x in xs: condition`")
    let body = try parseExpression("after `:`")
    return Expr(
      .quantifier(quantifier, variable, collection, body), span: span(from: start.span))
  }

  // MARK: - Logic

  mutating func parseOr() throws(Failure) -> Expr {
    var lhs = try parseAnd()
    while continuesExpression, eat(.or) != nil {
      let rhs = try parseOperand(after: "`or`") { parser throws(Failure) in try parser.parseAnd() }
      lhs = Expr(.binary(.or, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  mutating func parseAnd() throws(Failure) -> Expr {
    var lhs = try parseNot()
    while continuesExpression, eat(.and) != nil {
      let rhs = try parseOperand(after: "`and`") { parser throws(Failure) in try parser.parseNot() }
      lhs = Expr(.binary(.and, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  mutating func parseNot() throws(Failure) -> Expr {
    if let start = eat(.not) {
      let operand = try parseOperand(after: "`not`") { parser throws(Failure) in
        try parser.parseNot()
      }
      return Expr(.unary(.not, operand), span: start.span.merged(with: operand.span))
    }
    return try parseComparison()
  }

  /// Parses the right operand of an operator, with a precise message if it is missing.
  mutating func parseOperand(
    after operatorText: String, _ next: (inout Parser) throws(Failure) -> Expr
  ) throws(Failure) -> Expr {
    guard atExpressionStart else {
      throw fail(.expectedExpression("after \(operatorText)", found: current))
    }
    return try next(&self)
  }

  // MARK: - Comparison

  mutating func comparisonOperator() -> BinaryOperator? {
    switch current.kind {
    case .equalEqual: return .equal
    case .bangEqual: return .notEqual
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    case .keyword(.in): return .in
    case .keyword(.contains): return .contains
    default: return nil
    }
  }

  mutating func parseComparison() throws(Failure) -> Expr {
    let lhs = try parseCoalesce()
    var result = lhs
    if !continuesExpression {
      return lhs
    } else if at(.is) {
      result = try parsePresence(lhs)
    } else if let op = comparisonOperator() {
      let opToken = advance()
      let rhs = try parseOperand(after: "`\(opToken.text)`") { parser throws(Failure) in
        try parser.parseCoalesce()
      }
      result = Expr(.binary(op, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    } else {
      return lhs
    }
    if continuesExpression, comparisonOperator() != nil || at(.is) {
      let extra = current
      throw fail(.chainedComparison(at: extra.span, first: result.span))
    }
    return result
  }

  mutating func parsePresence(_ operand: Expr) throws(Failure) -> Expr {
    advance()
    let negated = eat(.not) != nil
    guard let present = eatWord("present") else {
      throw fail(
        .expectedToken(
          "`present`", negated ? "after `is not`" : "after `is`", found: current,
          help: "write `x is present` or `x is not present`"))
    }
    return Expr(
      .isPresent(operand, negated: negated), span: operand.span.merged(with: present.span))
  }

  // MARK: - Arithmetic

  mutating func parseCoalesce() throws(Failure) -> Expr {
    let lhs = try parseAdditive()
    if continuesExpression, eat(.questionQuestion) != nil {
      let rhs = try parseOperand(after: "`??`") { parser throws(Failure) in
        try parser.parseCoalesce()
      }
      return Expr(.binary(.coalesce, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  mutating func parseAdditive() throws(Failure) -> Expr {
    var lhs = try parseMultiplicative()
    while continuesExpression {
      let op: BinaryOperator
      switch current.kind {
      case .plus: op = .add
      case .minus: op = .subtract
      default: return lhs
      }
      let opToken = advance()
      let rhs = try parseOperand(after: "`\(opToken.text)`") { parser throws(Failure) in
        try parser.parseMultiplicative()
      }
      lhs = Expr(.binary(op, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  mutating func parseMultiplicative() throws(Failure) -> Expr {
    var lhs = try parseUnary()
    while continuesExpression {
      let op: BinaryOperator
      switch current.kind {
      case .star: op = .multiply
      case .slash: op = .divide
      case .keyword(.of): op = .of
      default: return lhs
      }
      let opToken = advance()
      let rhs = try parseOperand(after: "`\(opToken.text)`") { parser throws(Failure) in
        try parser.parseUnary()
      }
      lhs = Expr(.binary(op, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  mutating func parseUnary() throws(Failure) -> Expr {
    if let minus = eat(.minus) {
      let operand = try parseOperand(after: "`-`") { parser throws(Failure) in
        try parser.parseUnary()
      }
      return Expr(.unary(.negate, operand), span: minus.span.merged(with: operand.span))
    }
    return try parsePostfix()
  }

  // MARK: - Postfix and primary

  mutating func parsePostfix() throws(Failure) -> Expr {
    var base = try parsePrimary()
    while continuesExpression {
      if eat(.dot) != nil {
        let field = try expectIdentifier("after `.`")
        base = Expr(.member(base, field, optional: false), span: base.span.merged(with: field.span))
      } else if eat(.questionDot) != nil {
        let field = try expectIdentifier("after `?.`")
        base = Expr(.member(base, field, optional: true), span: base.span.merged(with: field.span))
      } else if at(.leftBracket), !current.isAtLineStart {
        advance()
        let key = try parseExpression("as the lookup key")
        let close = try expect(.rightBracket, "to close the lookup")
        base = Expr(.index(base, key), span: base.span.merged(with: close.span))
      } else {
        return base
      }
    }
    return base
  }

  mutating func parsePrimary() throws(Failure) -> Expr {
    let token = current
    switch token.kind {
    case .integer, .decimal:
      return parseNumber()
    case .percent:
      advance()
      return Expr(.literal(.percent(Self.digits(String(token.text.dropLast())))), span: token.span)
    case .string:
      advance()
      return Expr(.literal(.text(token.stringValue ?? "")), span: token.span)
    case .date:
      advance()
      validateDate(token)
      return Expr(.literal(.date(token.text)), span: token.span)
    case .regionCode:
      advance()
      return Expr(.regionCode(token.text), span: token.span)
    case .keyword(.true):
      advance()
      return Expr(.literal(.bool(true)), span: token.span)
    case .keyword(.false):
      advance()
      return Expr(.literal(.bool(false)), span: token.span)
    case .keyword(.contains) where peek().kind == .leftParen:
      // The function form `contains(xs, x)` of the infix operator.
      advance()
      return try parseCall(Identifier(name: token.text, span: token.span))
    case .identifier where !(token.isAtLineStart && isDeclarationStart(token)):
      advance()
      if at(.leftParen), !current.isAtLineStart {
        return try parseCall(Identifier(name: token.text, span: token.span))
      }
      return Expr(.name(token.text), span: token.span)
    case .leftParen:
      advance()
      let inner = try parseExpression("after `(`")
      let close = try expect(.rightParen, "to close `(`")
      return Expr(inner.kind, span: token.span.merged(with: close.span))
    case .leftBracket:
      return try parseList()
    case .leftBrace:
      return try parseBraced()
    default:
      throw fail(.expectedExpression("here", found: token))
    }
  }

  mutating func parseNumber() -> Expr {
    let token = advance()
    let text = Self.digits(token.text)
    // A number directly followed, on the same line, by a three-letter uppercase code is money;
    // by a unit word, a duration.
    if at(.identifier), !current.isAtLineStart {
      let word = current.text
      if word.count == 3,
        word.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
      {
        let code = advance()
        return Expr(
          .literal(.money(amount: text, currency: Identifier(name: word, span: code.span))),
          span: token.span.merged(with: code.span))
      }
      if Self.durationUnits.contains(word), token.kind == .integer {
        let unit = advance()
        return Expr(
          .literal(.duration(amount: text, unit: Identifier(name: word, span: unit.span))),
          span: token.span.merged(with: unit.span))
      }
    }
    return Expr(
      .literal(token.kind == .integer ? .integer(text) : .decimal(text)), span: token.span)
  }

  static func digits(_ text: String) -> String {
    String(text.filter { $0 != "_" })
  }

  mutating func parseCall(_ callee: Identifier) throws(Failure) -> Expr {
    advance()
    var arguments: [CallArgument] = []
    while !at(.rightParen), !at(.endOfFile) {
      var label: Identifier?
      if peek().kind == .colon, at(.identifier) || at(.in) {
        let token = advance()
        label = Identifier(name: token.text, span: token.span)
        advance()
      }
      let value: Expr
      if at(.identifier), peek().kind == .fatArrow {
        let parameter = advance()
        advance()
        let body = try parseExpression("after `=>`")
        value = Expr(
          .lambda(Identifier(name: parameter.text, span: parameter.span), body),
          span: parameter.span.merged(with: body.span))
      } else {
        value = try parseExpression("as an argument of `\(callee.name)`")
      }
      arguments.append(CallArgument(label: label, value: value))
      if eat(.comma) == nil { break }
    }
    let close = try expect(.rightParen, "to close the arguments of `\(callee.name)`")
    return Expr(.call(callee, arguments), span: callee.span.merged(with: close.span))
  }

  mutating func parseList() throws(Failure) -> Expr {
    let open = advance()
    var elements: [Expr] = []
    while !at(.rightBracket), !at(.endOfFile) {
      elements.append(try parseExpression("as a list element"))
      if eat(.comma) == nil { break }
    }
    let close = try expect(.rightBracket, "to close the list")
    return Expr(.list(elements), span: open.span.merged(with: close.span))
  }

  /// `{}` and `{a, b}` are sets; `{ name: value, … }` is a record.
  mutating func parseBraced() throws(Failure) -> Expr {
    let open = advance()
    if at(.identifier), peek().kind == .colon {
      var fields: [FieldInitializer] = []
      while !at(.rightBrace), !at(.endOfFile) {
        let name = try expectIdentifier("as a field name")
        try expect(.colon, "after the field name `\(name.name)`")
        fields.append(FieldInitializer(name: name, value: try parseExpression("as a field value")))
        if eat(.comma) == nil, !current.isAtLineStart { break }
      }
      let close = try expect(.rightBrace, "to close the record")
      return Expr(.record(fields), span: open.span.merged(with: close.span))
    }
    var elements: [Expr] = []
    while !at(.rightBrace), !at(.endOfFile) {
      elements.append(try parseExpression("as a set element"))
      if eat(.comma) == nil { break }
    }
    let close = try expect(.rightBrace, "to close the set")
    return Expr(.set(elements), span: open.span.merged(with: close.span))
  }

  /// Reports a date token that is not a calendar date.
  mutating func validateDate(_ token: Token) {
    if CivilDate(iso8601: token.text) == nil {
      diagnostics.report(.invalidDate(token.text, at: token.span))
    }
  }
}
