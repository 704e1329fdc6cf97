import VerdantSyntax
import VerdantValues

/// A checked expression: every node carries its static type and its source span, and every
/// operator is resolved to a concrete operation, so the compiler never looks at types again
/// to decide what to do.
public struct TypedExpr: Sendable {
  /// What the node computes.
  public let kind: TypedExprKind
  /// Its static type.
  public let type: ValueType
  /// Where it was written.
  public let span: Span

  /// Creates a typed node.
  public init(_ kind: TypedExprKind, type: ValueType, span: Span) {
    self.kind = kind
    self.type = type
    self.span = span
  }

  /// The constant value, when the node is a constant.
  public var constantValue: Value? {
    if case .constant(let value) = kind { return value }
    return nil
  }
}

/// The operations of the typed IR.
public indirect enum TypedExprKind: Sendable {
  /// A constant (literals and folded constant expressions).
  case constant(Value)
  /// The value of a declaration: an input, `let`, `param` or `rule`.
  case declaration(DeclarationID)
  /// A local: a function parameter or a lambda / quantifier variable.
  case local(LocalID)
  /// A field of a record value, by index.
  case field(TypedExpr, index: Int)
  /// `base?.field`: absent when `base` is absent.
  case optionalField(TypedExpr, index: Int)
  /// An optional that the checker proved present (`x is present and x > 1`).
  case unwrap(TypedExpr)
  /// A present value used where an optional is expected.
  case wrapOptional(TypedExpr)
  /// `Int` widened to `Decimal`, made explicit.
  case widen(TypedExpr)
  /// A `Money` of statically unknown currency used where a given currency is required.
  case requireCurrency(TypedExpr, Currency)
  /// A call of a user function.
  case call(FunctionID, [TypedExpr])
  /// A call of a built-in function.
  case builtin(Builtin, [TypedExpr])
  /// A resolved unary operation.
  case unary(UnaryOperation, TypedExpr)
  /// A resolved binary operation.
  case binary(BinaryOperation, TypedExpr, TypedExpr)
  /// Short-circuit `and`.
  case and(TypedExpr, TypedExpr)
  /// Short-circuit `or`.
  case or(TypedExpr, TypedExpr)
  /// `not`.
  case not(TypedExpr)
  /// `if c then a else b`.
  case conditional(TypedExpr, TypedExpr, TypedExpr)
  /// `x ?? default`.
  case coalesce(TypedExpr, TypedExpr)
  /// `x is present`.
  case isPresent(TypedExpr)
  /// `any x in xs: p` / `all x in xs: p`.
  case quantifier(Quantifier, LocalID, TypedExpr, TypedExpr)
  /// `filter(xs, x => p)`.
  case filter(LocalID, TypedExpr, TypedExpr)
  /// `map(xs, x => e)`.
  case map(LocalID, TypedExpr, TypedExpr)
  /// `count(xs, x => p)`.
  case countWhere(LocalID, TypedExpr, TypedExpr)
  /// `[a, b]`.
  case list([TypedExpr])
  /// `{a, b}`.
  case set([TypedExpr])
  /// A record literal with its fields in declaration order.
  case record(RecordType, [TypedExpr])
  /// `catalog[key]`: the row (absent when there is none), or every row for `key … multiple`.
  case catalogLookup(CatalogID, TypedExpr)
  /// A lookup whose row is required (`catalog[key].field`): a missing row is an evaluation
  /// error naming the key, and a regional standard then falls back to its parent region.
  case requireRow(TypedExpr)
  /// A catalog's rows, in document order.
  case catalogRows(CatalogID)
  /// `standard(arguments…, in: region)`.
  case standardCall(StandardID, [TypedExpr], region: TypedExpr)
}

/// Identifies a declaration of a checked ruleset; also its slot in an evaluation frame.
public struct DeclarationID: Sendable, Hashable, Comparable {
  /// The index into ``CheckedRuleset/declarations``.
  public let index: Int

  /// Creates an identifier.
  public init(_ index: Int) { self.index = index }

  /// Orders by index.
  public static func < (lhs: DeclarationID, rhs: DeclarationID) -> Bool { lhs.index < rhs.index }
}

/// Identifies a user function of a checked ruleset.
public struct FunctionID: Sendable, Hashable {
  /// The index into ``CheckedRuleset/functions``.
  public let index: Int

  /// Creates an identifier.
  public init(_ index: Int) { self.index = index }
}

/// Identifies a local variable; also its slot among a frame's locals.
public struct LocalID: Sendable, Hashable {
  /// The slot index.
  public let index: Int

  /// Creates an identifier.
  public init(_ index: Int) { self.index = index }
}
