import VerdantSyntax
import VerdantValues

extension CheckerSession {
  // MARK: - Unary

  func checkUnary(
    _ op: UnaryOperator, _ operand: Expr, expected: ValueType?, scope: Scope, span: Span
  ) -> TypedExpr {
    switch op {
    case .not:
      let inner = checkCondition(operand, scope: scope, "after `not`")
      if case .bool(let value)? = inner.constantValue {
        return TypedExpr(.constant(.bool(!value)), type: .bool, span: span)
      }
      return TypedExpr(.not(inner), type: .bool, span: span)
    case .negate:
      let inner = check(operand, expected: expected, scope: scope)
      // Fold negative literals so they stay constants (parameter values, table cells).
      switch inner.constantValue {
      case .int(let value)? where value != .min:
        return TypedExpr(.constant(.int(-value)), type: inner.type, span: span)
      case .decimal(let value)?:
        if let negated = try? value.negated() {
          return TypedExpr(.constant(.decimal(negated)), type: inner.type, span: span)
        }
      case .percent(let value)?:
        if let negated = try? value.negated() {
          return TypedExpr(.constant(.percent(negated)), type: inner.type, span: span)
        }
      case .money(let money)?:
        if let negated = try? money.amount.negated() {
          return TypedExpr(
            .constant(.money(Money(amount: negated, currency: money.currency))), type: inner.type,
            span: span)
        }
      default:
        break
      }
      switch inner.type {
      case .int: return TypedExpr(.unary(.negateInt, inner), type: .int, span: span)
      case .decimal, .percent:
        return TypedExpr(.unary(.negateDecimal, inner), type: inner.type, span: span)
      case .money: return TypedExpr(.unary(.negateMoney, inner), type: inner.type, span: span)
      case .error: return errorNode(span)
      case .optional:
        report(.unwrappedOptional(inner.type, "after `-`", at: inner.span))
        return errorNode(span)
      default:
        report(.invalidOperand("-", inner.type, at: span))
        return errorNode(span)
      }
    }
  }

  // MARK: - Binary

  func checkBinary(
    _ op: BinaryOperator, _ lhsSyntax: Expr, _ rhsSyntax: Expr, expected: ValueType?,
    scope: Scope, span: Span
  ) -> TypedExpr {
    switch op {
    case .and, .or:
      let lhs = checkCondition(lhsSyntax, scope: scope, "before `\(op.rawValue)`")
      let facts = op == .and ? Narrowing.presentWhenTrue(lhs) : Narrowing.presentWhenFalse(lhs)
      let rhs = checkCondition(rhsSyntax, scope: scope.knowing(facts), "after `\(op.rawValue)`")
      return TypedExpr(op == .and ? .and(lhs, rhs) : .or(lhs, rhs), type: .bool, span: span)
    case .coalesce:
      return checkCoalesce(lhsSyntax, rhsSyntax, expected: expected, scope: scope, span: span)
    case .in:
      let element = check(lhsSyntax, expected: nil, scope: scope)
      let collection = check(
        rhsSyntax, expected: element.type == .error ? nil : .set(element.type), scope: scope)
      return membership(collection: collection, element: element, op: "in", span: span)
    case .contains:
      let collection = check(lhsSyntax, expected: nil, scope: scope)
      if collection.type == .text {
        let part = coerce(
          check(rhsSyntax, expected: .text, scope: scope), to: .text, "after `contains`")
        return TypedExpr(.binary(.textContains, collection, part), type: .bool, span: span)
      }
      let element = check(rhsSyntax, expected: collection.type.elementType, scope: scope)
      return membership(collection: collection, element: element, op: "contains", span: span)
    default:
      break
    }
    // Operands of the other operators give each other context: `grade == B` resolves `B` in
    // `Grade`, `x > 0` with `x: Decimal` reads `0` as a decimal.
    var lhs = check(lhsSyntax, expected: nil, scope: scope)
    var rhs = check(rhsSyntax, expected: Self.operandHint(lhs.type), scope: scope)
    if lhs.type == .int, rhs.type == .decimal, case .int? = lhs.constantValue {
      lhs = coerce(lhs, to: .decimal, "")
    }
    if rhs.type == .int, lhs.type == .decimal, case .int? = rhs.constantValue {
      rhs = coerce(rhs, to: .decimal, "")
    }
    if lhs.type == .error || rhs.type == .error { return errorNode(span) }
    // `==` and `!=` may compare an optional: an absent value equals only another absent one.
    if op == .equal || op == .notEqual, lhs.type.isOptional || rhs.type.isOptional,
      let joined = join(lhs.type, rhs.type), let left = convert(lhs, to: joined),
      let right = convert(rhs, to: joined)
    {
      return TypedExpr(.binary(.equal(negated: op == .notEqual), left, right), type: .bool, span: span)
    }
    guard checkOperandsPresent(op.rawValue, lhs, rhs) else { return errorNode(span) }
    if op.isComparison { return comparison(op, lhs, rhs, span: span) }
    return arithmetic(op, lhs, rhs, span: span)
  }

  /// The type to read a right operand in, given the left one's type.
  static func operandHint(_ type: ValueType) -> ValueType? {
    switch type {
    case .enumeration, .decimal, .list, .set: return type
    default: return nil
    }
  }

  /// Reports optional operands; operators never accept an optional.
  func checkOperandsPresent(_ op: String, _ lhs: TypedExpr, _ rhs: TypedExpr) -> Bool {
    for operand in [lhs, rhs] where operand.type.isOptional {
      report(.unwrappedOptional(operand.type, "as an operand of `\(op)`", at: operand.span))
      return false
    }
    return true
  }

  func checkCoalesce(
    _ lhsSyntax: Expr, _ rhsSyntax: Expr, expected: ValueType?, scope: Scope, span: Span
  ) -> TypedExpr {
    let lhs = check(lhsSyntax, expected: expected.map { .optional($0.unwrapped) }, scope: scope)
    guard case .optional(let wrapped) = lhs.type else {
      let rhs = check(rhsSyntax, expected: lhs.type, scope: scope)
      if lhs.type != .error {
        report(
          .redundantCheck(
            "`\(lhsSyntax.span.text)` has type \(lhs.type), which is never absent, so `??` never "
              + "uses its right side", at: rhs.span, help: "remove `?? \(rhsSyntax.span.text)`"))
      }
      return lhs
    }
    let rhs = check(rhsSyntax, expected: wrapped, scope: scope)
    guard let joined = join(wrapped, rhs.type) else {
      report(
        .mismatchedType(
          expected: wrapped, found: rhs.type, "as the default after `??`", at: rhs.span))
      return errorNode(span)
    }
    // A present default makes the result present; an optional default keeps it optional.
    let resultType = rhs.type.isOptional ? ValueType.optional(joined.unwrapped) : joined.unwrapped
    let left = convert(lhs, to: .optional(joined.unwrapped)) ?? lhs
    let right = coerce(rhs, to: resultType, "as the default after `??`")
    return TypedExpr(.coalesce(left, right), type: resultType, span: span)
  }

  func membership(collection: TypedExpr, element: TypedExpr, op: String, span: Span) -> TypedExpr {
    if collection.type == .error || element.type == .error { return errorNode(span) }
    if collection.type == .region, element.type == .region {
      return TypedExpr(.binary(.regionWithin, element, collection), type: .bool, span: span)
    }
    guard
      let elementType = collectionElement(collection, "\(op == "in" ? "after" : "before") `\(op)`")
    else { return errorNode(span) }
    if element.type.isOptional {
      report(.unwrappedOptional(element.type, "with `\(op)`", at: element.span))
      return errorNode(span)
    }
    let convertedElement: TypedExpr
    if let converted = convert(element, to: elementType) {
      convertedElement = converted
    } else if elementType == .decimal, element.type == .int {
      convertedElement = coerce(element, to: .decimal, "")
    } else {
      report(
        .mismatchedType(
          "cannot look for \(element.type) in \(collection.type)", at: span,
          help: Diagnostic.conversionHelp(from: element.type, to: elementType)))
      return errorNode(span)
    }
    return TypedExpr(
      .binary(.collectionContains, collection, convertedElement), type: .bool, span: span)
  }

  // MARK: - Comparisons

  func comparison(_ op: BinaryOperator, _ lhs: TypedExpr, _ rhs: TypedExpr, span: Span)
    -> TypedExpr
  {
    var left = lhs
    var right = rhs
    // Int and Decimal compare as decimals.
    if left.type == .int, right.type == .decimal { left = coerce(left, to: .decimal, "") }
    if left.type == .decimal, right.type == .int { right = coerce(right, to: .decimal, "") }
    let isEquality = op == .equal || op == .notEqual
    let kind: ComparisonKind?
    switch (left.type, right.type) {
    case (.int, .int): kind = .int
    case (.decimal, .decimal), (.percent, .percent): kind = .decimal
    case (.money(let a), .money(let b)):
      if let a, let b, a != b {
        report(
          .invalidOperands(
            op.rawValue, left.type, right.type, at: span,
            help: "amounts in different currencies cannot be compared; convert explicitly"))
        return errorNode(span)
      }
      kind = .money
    case (.text, .text): kind = .text
    case (.date, .date): kind = .date
    case (.duration, .duration): kind = .duration
    case (.enumeration(let a), .enumeration(let b)) where a == b: kind = .enumeration
    default:
      if isEquality, left.type == right.type {
        return TypedExpr(
          .binary(.equal(negated: op == .notEqual), left, right), type: .bool, span: span)
      }
      if isEquality, let joined = join(left.type, right.type),
        let l = convert(left, to: joined), let r = convert(right, to: joined)
      {
        return TypedExpr(.binary(.equal(negated: op == .notEqual), l, r), type: .bool, span: span)
      }
      report(
        .invalidOperands(
          op.rawValue, left.type, right.type, at: span,
          help: Self.comparisonHelp(left.type, right.type, ordered: !isEquality)))
      return errorNode(span)
    }
    guard let kind else { return errorNode(span) }
    return TypedExpr(.binary(.compare(op, kind), left, right), type: .bool, span: span)
  }

  static func comparisonHelp(_ a: ValueType, _ b: ValueType, ordered: Bool) -> String? {
    switch (a, b) {
    case (.percent, .decimal), (.percent, .int):
      return "Percent and Decimal are kept apart: compare with a percent literal such as `35%`, "
        + "or convert with `as_ratio(p)`"
    case (.decimal, .percent), (.int, .percent):
      return "Percent and Decimal are kept apart: compare with a decimal, or convert with "
        + "`as_percent(x)`"
    case (.enumeration(let x), .enumeration(let y)) where x != y:
      return "values of different enums are never equal"
    default:
      if ordered, a == b { return "\(a) values have no order; use `==` or `!=`" }
      return nil
    }
  }

  // MARK: - Arithmetic

  func arithmetic(_ op: BinaryOperator, _ lhs: TypedExpr, _ rhs: TypedExpr, span: Span)
    -> TypedExpr
  {
    func node(_ operation: BinaryOperation, _ l: TypedExpr, _ r: TypedExpr, _ type: ValueType)
      -> TypedExpr
    {
      TypedExpr(.binary(operation, l, r), type: type, span: span)
    }
    func decimal(_ expr: TypedExpr) -> TypedExpr { coerce(expr, to: .decimal, "") }
    let invalid = { (help: String?) -> TypedExpr in
      self.report(.invalidOperands(op.rawValue, lhs.type, rhs.type, at: span, help: help))
      return self.errorNode(span)
    }
    let (a, b) = (lhs.type, rhs.type)
    let numbers: Set<ValueType> = [.int, .decimal]
    switch op {
    case .add, .subtract:
      let isAdd = op == .add
      switch (a, b) {
      case (.int, .int): return node(isAdd ? .addInt : .subtractInt, lhs, rhs, .int)
      case _ where numbers.contains(a) && numbers.contains(b):
        return node(isAdd ? .addDecimal : .subtractDecimal, decimal(lhs), decimal(rhs), .decimal)
      case (.percent, .percent):
        return node(isAdd ? .addDecimal : .subtractDecimal, lhs, rhs, .percent)
      case (.money(let x), .money(let y)):
        if let x, let y, x != y {
          return invalid("amounts in different currencies cannot be added; convert explicitly")
        }
        return node(isAdd ? .addMoney : .subtractMoney, lhs, rhs, .money(x ?? y))
      case (.date, .duration):
        return node(isAdd ? .addDuration : .subtractDuration, lhs, rhs, .date)
      case (.duration, .date) where isAdd:
        return node(.addDuration, rhs, lhs, .date)
      case (.text, .text) where isAdd:
        return node(.concatenate, lhs, rhs, .text)
      case (.list(let x), .list(let y)) where isAdd && x == y:
        return node(.concatenateLists, lhs, rhs, a)
      case (.date, .date) where !isAdd:
        return invalid("use `days_between(a, b)` or `years_between(a, b)`")
      default:
        return invalid(Self.mixHelp(a, b))
      }
    case .multiply:
      switch (a, b) {
      case (.int, .int): return node(.multiplyInt, lhs, rhs, .int)
      case _ where numbers.contains(a) && numbers.contains(b):
        return node(.multiplyDecimal, decimal(lhs), decimal(rhs), .decimal)
      case (.percent, _) where numbers.contains(b):
        return node(.multiplyDecimal, lhs, decimal(rhs), .percent)
      case (_, .percent) where numbers.contains(a):
        return node(.multiplyDecimal, decimal(lhs), rhs, .percent)
      case (.money, _) where numbers.contains(b):
        return node(.multiplyMoney, lhs, decimal(rhs), a)
      case (_, .money) where numbers.contains(a):
        return node(.multiplyMoney, rhs, decimal(lhs), b)
      case (.money, .percent), (.percent, .money):
        return invalid("take a percentage of an amount with `of`, e.g. `12.5% of amount`")
      default:
        return invalid(Self.mixHelp(a, b))
      }
    case .divide:
      switch (a, b) {
      case _ where numbers.contains(a) && numbers.contains(b):
        return node(.divideDecimal, decimal(lhs), decimal(rhs), .decimal)
      case (.percent, _) where numbers.contains(b):
        return node(.divideDecimal, lhs, decimal(rhs), .percent)
      case (.percent, .percent):
        return node(.divideDecimal, lhs, rhs, .decimal)
      case (.money, _) where numbers.contains(b):
        return node(.divideMoney, lhs, decimal(rhs), a)
      case (.money(let x), .money(let y)):
        if let x, let y, x != y {
          return invalid("amounts in different currencies cannot be divided; convert explicitly")
        }
        return node(.divideMoneyByMoney, lhs, rhs, .decimal)
      default:
        return invalid(Self.mixHelp(a, b))
      }
    case .of:
      guard a == .percent else {
        return invalid("`of` takes a percent on its left, e.g. `12.5% of amount`")
      }
      switch b {
      case .int, .decimal: return node(.percentOfDecimal, lhs, decimal(rhs), .decimal)
      case .percent: return node(.percentOfDecimal, lhs, rhs, .percent)
      case .money: return node(.percentOfMoney, lhs, rhs, b)
      default: return invalid(nil)
      }
    default:
      return invalid(nil)
    }
  }

  static func mixHelp(_ a: ValueType, _ b: ValueType) -> String? {
    switch (a, b) {
    case (.percent, .int), (.percent, .decimal), (.int, .percent), (.decimal, .percent):
      return "Percent and Decimal are kept apart: use a percent literal such as `5%`, "
        + "`as_percent(x)` or `as_ratio(p)`"
    case (.money, .int), (.money, .decimal), (.int, .money), (.decimal, .money):
      return "add or subtract money amounts only; write the number with a currency, e.g. `100 CNY`"
    default:
      return nil
    }
  }
}
