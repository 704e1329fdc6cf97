import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Binds a characteristic's or column's value to a local, so its cells test the value
  /// computed once. The local's reads carry the subject's span, so the analysis and the
  /// explanations name the subject as written.
  func bindSubject(_ syntax: Expr, scope: Scope, _ context: String) -> (TypedExpr, LocalID, TypedExpr)
  {
    let subject = check(syntax, expected: nil, scope: scope)
    if subject.type.isOptional {
      report(.unwrappedOptional(subject.type, context, at: subject.span))
    }
    let local = newLocal()
    let type = subject.type.isOptional ? ValueType.error : subject.type
    return (subject, local, TypedExpr(.local(local), type: type, span: subject.span))
  }

  /// The Bool condition a cell stands for, over the subject's local; `nil` for `-` and
  /// `otherwise`.
  func cellCondition(_ cell: Cell, subject: TypedExpr, scope: Scope) -> TypedExpr? {
    let span = cell.span
    if subject.type == .error { return nil }
    switch cell.kind {
    case .any, .otherwise:
      return nil
    case .comparison(let op, let bound):
      return compare(op, subject, bound, scope: scope, span: span)
    case .range(let lower, let upper, let closed):
      let low = compare(.greaterEqual, subject, lower, scope: scope, span: span)
      let high = compare(closed ? .lessEqual : .less, subject, upper, scope: scope, span: span)
      if low.type == .error || high.type == .error { return errorNode(span) }
      return TypedExpr(.and(low, high), type: .bool, span: span)
    case .values(let values):
      let tests = values.map { compare(.equal, subject, $0, scope: scope, span: $0.span) }
      if tests.contains(where: { $0.type == .error }) { return errorNode(span) }
      return tests.dropFirst().reduce(tests[0]) { combined, next in
        TypedExpr(.or(combined, next), type: .bool, span: span)
      }
    case .within(let sets):
      let tests = sets.map { set in
        membership(
          collection: check(set, expected: .set(subject.type), scope: scope), element: subject,
          op: "in", span: set.span)
      }
      if tests.contains(where: { $0.type == .error }) { return errorNode(span) }
      return tests.dropFirst().reduce(tests[0]) { combined, next in
        TypedExpr(.or(combined, next), type: .bool, span: span)
      }
    case .contains(let part):
      if subject.type == .text {
        let text = coerce(check(part, expected: .text, scope: scope), to: .text, "after `contains`")
        return TypedExpr(.binary(.textContains, subject, text), type: .bool, span: span)
      }
      let element = check(part, expected: subject.type.elementType, scope: scope)
      return membership(collection: subject, element: element, op: "contains", span: span)
    }
  }

  /// `subject op bound`, with the bound read in the subject's type (so `B` resolves in its enum
  /// and `3` reads as a decimal where the subject is one).
  private func compare(_ op: BinaryOperator, _ subject: TypedExpr, _ bound: Expr, scope: Scope, span: Span)
    -> TypedExpr
  {
    let value = check(bound, expected: subject.type, scope: scope)
    if value.type == .error { return errorNode(span) }
    guard checkOperandsPresent(op.rawValue, subject, value) else { return errorNode(span) }
    return comparison(op, subject, value, span: span)
  }

  /// A constant number (Int or Decimal), for bin points, weights and the baseline.
  func constantNumber(_ syntax: Expr, scope: Scope, _ context: String) -> ExactDecimal? {
    let value = coerce(check(syntax, expected: .decimal, scope: scope), to: .decimal, context)
    if value.type == .error { return nil }
    guard case .decimal(let number)? = Self.constantValue(of: value) else {
      report(
        .invalidParameter(
          "\(context.replacingPrefix("as ", with: "")) must be a constant number", at: syntax.span,
          help: "write a number such as `30` or `0.4`"))
      return nil
    }
    return number
  }
}

extension String {
  /// The string with a leading prefix replaced, if present.
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
