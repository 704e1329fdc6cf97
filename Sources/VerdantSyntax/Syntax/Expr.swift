/// An expression as written, with its span. Every node keeps the source range it came from.
public struct Expr: Sendable, Hashable {
  /// The expression's shape.
  public let kind: ExprKind
  /// Where it was written.
  public let span: Span

  /// Creates an expression node.
  public init(_ kind: ExprKind, span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// The shapes of expressions.
public indirect enum ExprKind: Sendable, Hashable {
  /// A literal value.
  case literal(Literal)
  /// A bare name: a declaration, a local, an enum case or a region.
  case name(String)
  /// A hyphenated region code: `CN-ZJ-HZ`.
  case regionCode(String)
  /// Field access: `supplier.region`, or `row?.field` when `optional` is true.
  case member(Expr, Identifier, optional: Bool)
  /// Keyed lookup: `gb2763["apple"]`.
  case index(Expr, Expr)
  /// A call of a built-in, a `fn`, or a `standard`: `round(x, 2)`, `mrl(p, in: r)`.
  case call(Identifier, [CallArgument])
  /// A lambda argument: `x => x > 0` (only as an argument of `filter`, `map` and similar).
  case lambda(Identifier, Expr)
  /// A prefix operator.
  case unary(UnaryOperator, Expr)
  /// An infix operator.
  case binary(BinaryOperator, Expr, Expr)
  /// `x is present` (or `x is not present` when `negated`).
  case isPresent(Expr, negated: Bool)
  /// `any x in xs: p` / `all x in xs: p`.
  case quantifier(Quantifier, Identifier, Expr, Expr)
  /// `if c then a else b`.
  case conditional(Expr, Expr, Expr)
  /// `[a, b]`.
  case list([Expr])
  /// `{a, b}`.
  case set([Expr])
  /// `{ id: "S-1", region: CN-ZJ }`, typed from context.
  case record([FieldInitializer])
  /// A placeholder where parsing failed (already reported).
  case error
}

/// A literal as written; numbers keep their text (without underscores) so that nothing is
/// lost before the checker turns them into exact values.
public enum Literal: Sendable, Hashable {
  /// `true` / `false`.
  case bool(Bool)
  /// `42`.
  case integer(String)
  /// `0.35`.
  case decimal(String)
  /// `12.5%` (the text without `%`).
  case percent(String)
  /// `500_000 CNY`: the amount text and the currency code.
  case money(amount: String, currency: Identifier)
  /// `"GB/T 19630"`.
  case text(String)
  /// `2025-07-01`.
  case date(String)
  /// `30 days`: the amount text and the unit word as written.
  case duration(amount: String, unit: Identifier)
}

/// A call argument, optionally labelled (`in: CN-ZJ`).
public struct CallArgument: Sendable, Hashable {
  /// The label, if any.
  public let label: Identifier?
  /// The value.
  public let value: Expr

  /// Creates an argument.
  public init(label: Identifier?, value: Expr) {
    self.label = label
    self.value = value
  }
}

/// `name: value` inside a record literal.
public struct FieldInitializer: Sendable, Hashable {
  /// The field name.
  public let name: Identifier
  /// Its value.
  public let value: Expr

  /// Creates a field initializer.
  public init(name: Identifier, value: Expr) {
    self.name = name
    self.value = value
  }
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
  /// `-x`
  case negate = "-"
  /// `not x`
  case not = "not"
}

/// Infix operators, loosest-binding first.
public enum BinaryOperator: String, Sendable, Hashable {
  /// `a or b`
  case or
  /// `a and b`
  case and
  /// `a == b`
  case equal = "=="
  /// `a != b`
  case notEqual = "!="
  /// `a < b`
  case less = "<"
  /// `a <= b`
  case lessEqual = "<="
  /// `a > b`
  case greater = ">"
  /// `a >= b`
  case greaterEqual = ">="
  /// `x in xs`, `r in CN-ZJ`
  case `in`
  /// `xs contains x`, `text contains "sub"`
  case contains
  /// `x ?? default`
  case coalesce = "??"
  /// `a + b`
  case add = "+"
  /// `a - b`
  case subtract = "-"
  /// `a * b`
  case multiply = "*"
  /// `a / b`
  case divide = "/"
  /// `12.5% of amount`
  case of

  /// Whether the operator compares two values.
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }
}

/// `any` or `all`.
public enum Quantifier: String, Sendable, Hashable {
  /// True when some element satisfies the predicate.
  case any
  /// True when every element satisfies the predicate (and for an empty collection).
  case all
}
