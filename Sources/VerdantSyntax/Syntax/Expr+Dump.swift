extension Expr {
  /// The expression as a parenthesised prefix form, e.g. `(+ 1 (* 2 3))`, showing exactly how
  /// the parser grouped it. Used by tests and by `verdant` debugging output.
  public var dump: String {
    switch kind {
    case .literal(let literal):
      switch literal {
      case .bool(let value): return value ? "true" : "false"
      case .integer(let text), .decimal(let text): return text
      case .percent(let text): return "\(text)%"
      case .money(let amount, let currency): return "(money \(amount) \(currency.name))"
      case .text(let value): return "\"\(value)\""
      case .date(let text): return "(date \(text))"
      case .duration(let amount, let unit): return "(duration \(amount) \(unit.name))"
      }
    case .name(let name): return name
    case .regionCode(let code): return "(region \(code))"
    case .member(let base, let field, let optional):
      return "(\(optional ? "?." : ".") \(base.dump) \(field.name))"
    case .index(let base, let key): return "(index \(base.dump) \(key.dump))"
    case .call(let callee, let arguments):
      let parts = arguments.map { argument in
        (argument.label.map { "\($0.name): " } ?? "") + argument.value.dump
      }
      return "(call \(callee.name)\(parts.map { " " + $0 }.joined()))"
    case .lambda(let parameter, let body): return "(lambda \(parameter.name) \(body.dump))"
    case .unary(let op, let operand): return "(\(op.rawValue) \(operand.dump))"
    case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(lhs.dump) \(rhs.dump))"
    case .isPresent(let operand, let negated):
      return "(\(negated ? "absent" : "present") \(operand.dump))"
    case .quantifier(let quantifier, let variable, let collection, let body):
      return "(\(quantifier.rawValue) \(variable.name) \(collection.dump) \(body.dump))"
    case .conditional(let condition, let then, let otherwise):
      return "(if \(condition.dump) \(then.dump) \(otherwise.dump))"
    case .list(let elements): return "[" + elements.map(\.dump).joined(separator: " ") + "]"
    case .set(let elements): return "{" + elements.map(\.dump).joined(separator: " ") + "}"
    case .record(let fields):
      return "{" + fields.map { "\($0.name.name): \($0.value.dump)" }.joined(separator: ", ") + "}"
    case .error: return "<error>"
    }
  }
}
