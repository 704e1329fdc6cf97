import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Converts a checked expression to a required type, or reports why it cannot be.
  ///
  /// The only implicit conversions are `Int` to `Decimal`, a value to its optional, money of a
  /// statically unknown currency to a known one (checked when evaluated), and collections whose
  /// elements convert.
  /// - Parameters:
  ///   - expr: The checked expression.
  ///   - type: The required type.
  ///   - context: Where the value is used, for the message ("as the value of `x`").
  func coerce(_ expr: TypedExpr, to type: ValueType, _ context: String) -> TypedExpr {
    if let converted = convert(expr, to: type) { return converted }
    if case .optional(let wrapped) = expr.type, convert(expr.withType(wrapped), to: type) != nil {
      report(.unwrappedOptional(expr.type, context, at: expr.span))
    } else {
      report(.mismatchedType(expected: type, found: expr.type, context, at: expr.span))
    }
    return TypedExpr(expr.kind, type: .error, span: expr.span)
  }

  /// The conversion of `expr` to `type`, or `nil` when there is none.
  func convert(_ expr: TypedExpr, to type: ValueType) -> TypedExpr? {
    let source = expr.type
    if source == .error || type == .error { return expr }
    if Self.isRetypable(source, as: type) { return expr.withType(type) }
    switch (source, type) {
    case (.int, .decimal):
      if case .int(let value)? = expr.constantValue {
        return TypedExpr(.constant(.decimal(ExactDecimal(value))), type: .decimal, span: expr.span)
      }
      return TypedExpr(.widen(expr), type: .decimal, span: expr.span)
    case (.optional, .optional):
      return nil
    case (_, .optional(let wrapped)):
      guard let inner = convert(expr, to: wrapped) else { return nil }
      return TypedExpr(.wrapOptional(inner), type: type, span: expr.span)
    case (.money(nil), .money(let currency?)):
      return TypedExpr(.requireCurrency(expr, currency), type: type, span: expr.span)
    case (.list(let a), .list(let b)), (.set(let a), .set(let b)):
      // Elements need converting (List<Int> to List<Decimal>): map over them. A map typed as
      // a set builds a set.
      let local = newLocal()
      let element = TypedExpr(.local(local), type: a, span: expr.span)
      guard let converted = convert(element, to: b) else { return nil }
      return TypedExpr(.map(local, expr, converted), type: type, span: expr.span)
    default:
      return nil
    }
  }

  /// Whether a value of type `a` can be used as `b` without changing how it is stored:
  /// the same type, money of a known currency as money of any currency, and collections and
  /// optionals of such types.
  static func isRetypable(_ a: ValueType, as b: ValueType) -> Bool {
    switch (a, b) {
    case (.money(_?), .money(nil)): return true
    case (.optional(let x), .optional(let y)), (.list(let x), .list(let y)),
      (.set(let x), .set(let y)):
      return isRetypable(x, as: y)
    default: return a == b
    }
  }

  /// The narrowest type both types convert to, or `nil` when they have none.
  func join(_ a: ValueType, _ b: ValueType) -> ValueType? {
    if a == b { return a }
    switch (a, b) {
    case (.error, _): return b
    case (_, .error): return a
    case (.int, .decimal), (.decimal, .int): return .decimal
    case (.money(let x), .money(let y)):
      if let x, let y, x != y { return nil }
      return .money(x == y ? x : nil)
    case (.optional(let x), .optional(let y)): return join(x, y).map { .optional($0) }
    case (.optional(let x), _): return join(x, b).map { .optional($0) }
    case (_, .optional(let y)): return join(a, y).map { .optional($0) }
    case (.list(let x), .list(let y)): return join(x, y).map { .list($0) }
    case (.set(let x), .set(let y)): return join(x, y).map { .set($0) }
    default: return nil
    }
  }
}

extension TypedExpr {
  /// The same node with another static type (only where the representation is unchanged).
  func withType(_ type: ValueType) -> TypedExpr {
    TypedExpr(kind, type: type, span: span)
  }
}
