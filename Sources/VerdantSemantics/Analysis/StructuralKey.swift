import VerdantValues

/// Structural identity of checked expressions: the language is pure, so two expressions with
/// the same structure have the same value within one evaluation.
enum StructuralKey {
  /// A canonical text for an expression's structure (spans ignored).
  static func of(_ expr: TypedExpr) -> String {
    var out = ""
    write(expr, into: &out)
    return out
  }

  private static func write(_ expr: TypedExpr, into out: inout String) {
    func node(_ tag: String, _ children: [TypedExpr]) {
      out += tag
      out += "("
      for (index, child) in children.enumerated() {
        if index > 0 { out += "," }
        write(child, into: &out)
      }
      out += ")"
    }
    switch expr.kind {
    case .constant(let value): out += "c:\(value)"
    case .declaration(let id): out += "d\(id.index)"
    case .local(let id): out += "l\(id.index)"
    case .field(let base, let index): node("f\(index)", [base])
    case .optionalField(let base, let index): node("of\(index)", [base])
    case .unwrap(let inner): write(inner, into: &out)
    case .wrapOptional(let inner): write(inner, into: &out)
    case .widen(let inner): node("widen", [inner])
    case .requireCurrency(let inner, let currency): node("cur\(currency)", [inner])
    case .call(let id, let arguments): node("call\(id.index)", arguments)
    case .builtin(let builtin, let arguments): node("b\(builtin)", arguments)
    case .unary(let op, let operand): node("u\(op)", [operand])
    case .binary(let op, let lhs, let rhs): node("op\(op)", [lhs, rhs])
    case .and(let a, let b): node("and", [a, b])
    case .or(let a, let b): node("or", [a, b])
    case .not(let inner): node("not", [inner])
    case .conditional(let c, let a, let b): node("if", [c, a, b])
    case .coalesce(let a, let b): node("??", [a, b])
    case .isPresent(let inner): node("present", [inner])
    case .quantifier(let q, let local, let xs, let body): node("\(q)\(local.index)", [xs, body])
    case .filter(let local, let xs, let body): node("filter\(local.index)", [xs, body])
    case .map(let local, let xs, let body): node("map\(local.index)", [xs, body])
    case .countWhere(let local, let xs, let body): node("count\(local.index)", [xs, body])
    case .list(let elements): node("list", elements)
    case .set(let elements): node("set", elements)
    case .record(let type, let fields): node("rec\(type.name)", fields)
    case .catalogLookup(let id, let key): node("cat\(id.index)", [key])
    case .requireRow(let lookup): node("req", [lookup])
    case .catalogRows(let id): out += "rows\(id.index)"
    case .standardCall(let id, let arguments, let region): node("std\(id.index)", arguments + [region])
    }
  }
}
