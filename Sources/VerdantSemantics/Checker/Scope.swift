import VerdantValues

/// What is in scope while checking an expression: locals, and the optional values proven
/// present by the conditions that guard the expression.
struct Scope {
  /// Lambda, quantifier and function-parameter variables by name.
  var locals: [String: (id: LocalID, type: ValueType)] = [:]
  /// Path keys (see ``Narrowing/key(of:)``) of optionals known to be present here.
  var present: Set<String> = []

  /// The scope with more paths known present.
  func knowing(_ paths: Set<String>) -> Scope {
    var copy = self
    copy.present.formUnion(paths)
    return copy
  }
}

/// Flow typing for optionals: which optional paths a condition proves present.
///
/// `x is present and x > 1` reads `x` as present on the right of `and`; a rule branch knows
/// the conditions of earlier branches were false; `if` and `or` work the same way.
enum Narrowing {
  /// A key naming an optional path (`d3.1` is field 1 of declaration 3), or `nil` for
  /// expressions that are not paths.
  static func key(of expr: TypedExpr) -> String? {
    switch expr.kind {
    case .declaration(let id): return "d\(id.index)"
    case .local(let id): return "l\(id.index)"
    case .field(let base, let index): return key(of: base).map { "\($0).\(index)" }
    case .optionalField(let base, let index): return key(of: base).map { "\($0)?.\(index)" }
    case .unwrap(let inner): return key(of: inner)
    default: return nil
    }
  }

  /// The keys proven present by `expr` being present: the path itself, and for `a?.b` also `a`.
  static func presenceKeys(of expr: TypedExpr) -> Set<String> {
    var keys = Set<String>()
    var current: TypedExpr? = expr
    while let node = current {
      if let key = key(of: node) { keys.insert(key) }
      switch node.kind {
      case .optionalField(let base, _), .unwrap(let base), .field(let base, _): current = base
      default: current = nil
      }
    }
    return keys
  }

  /// Paths proven present when `condition` is true.
  static func presentWhenTrue(_ condition: TypedExpr) -> Set<String> {
    switch condition.kind {
    case .isPresent(let operand): return presenceKeys(of: operand)
    case .not(let inner): return presentWhenFalse(inner)
    case .and(let a, let b): return presentWhenTrue(a).union(presentWhenTrue(b))
    case .or(let a, let b): return presentWhenTrue(a).intersection(presentWhenTrue(b))
    default: return []
    }
  }

  /// Paths proven present when `condition` is false.
  static func presentWhenFalse(_ condition: TypedExpr) -> Set<String> {
    switch condition.kind {
    case .not(let inner): return presentWhenTrue(inner)
    case .and(let a, let b): return presentWhenFalse(a).intersection(presentWhenFalse(b))
    case .or(let a, let b): return presentWhenFalse(a).union(presentWhenFalse(b))
    default: return []
    }
  }
}
