import VerdantSemantics
import VerdantSyntax
import VerdantValues

extension Compiler {
  // MARK: - Unary

  func compileUnary(_ operation: UnaryOperation, _ operand: TypedExpr, site: Site) -> CompiledExpr {
    switch operation {
    case .negateInt:
      let inner = int(compile(operand))
      return .int { frame in
        let (result, overflow) = Int64(0).subtractingReportingOverflow(try inner(&frame))
        if overflow { throw site.intOverflow() }
        return result
      }
    case .negateDecimal:
      let inner = decimal(compile(operand))
      return .decimal { frame in
        do { return try inner(&frame).negated() } catch let error as ArithmeticError {
          throw site.arithmetic(error)
        }
      }
    case .negateMoney:
      let inner = money(compile(operand))
      return .money { frame in
        let amount = try inner(&frame)
        do {
          return Money(amount: try amount.amount.negated(), currency: amount.currency)
        } catch let error as ArithmeticError {
          throw site.arithmetic(error)
        }
      }
    }
  }

  // MARK: - Binary

  func compileBinary(
    _ operation: BinaryOperation, _ lhs: TypedExpr, _ rhs: TypedExpr, type: ValueType, site: Site
  ) -> CompiledExpr {
    switch operation {
    case .addInt, .subtractInt, .multiplyInt:
      let (a, b) = (int(compile(lhs)), int(compile(rhs)))
      let apply: @Sendable (Int64, Int64) -> (Int64, Bool) =
        switch operation {
        case .addInt: { $0.addingReportingOverflow($1) }
        case .subtractInt: { $0.subtractingReportingOverflow($1) }
        default: { $0.multipliedReportingOverflow(by: $1) }
        }
      return .int { frame in
        let (result, overflow) = apply(try a(&frame), try b(&frame))
        if overflow { throw site.intOverflow() }
        return result
      }
    case .addDecimal, .subtractDecimal, .multiplyDecimal, .divideDecimal, .percentOfDecimal:
      let (a, b) = (decimal(compile(lhs)), decimal(compile(rhs)))
      let apply: @Sendable (ExactDecimal, ExactDecimal) throws -> ExactDecimal =
        switch operation {
        case .addDecimal: { try $0.adding($1) }
        case .subtractDecimal: { try $0.subtracting($1) }
        case .multiplyDecimal: { try $0.multiplied(by: $1) }
        case .divideDecimal: { try $0.divided(by: $1) }
        default: { percent, base in try base.multiplied(by: percent).divided(by: Int64(100)) }
        }
      return .decimal { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        do { return try apply(x, y) } catch let error as ArithmeticError {
          throw site.arithmetic(error)
        }
      }
    case .addMoney, .subtractMoney:
      let (a, b) = (money(compile(lhs)), money(compile(rhs)))
      let isAdd = operation == .addMoney
      return .money { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        do {
          return isAdd ? try x.adding(y) : try x.subtracting(y)
        } catch let error as MoneyError {
          throw site.money(error)
        }
      }
    case .multiplyMoney, .divideMoney:
      let (a, b) = (money(compile(lhs)), decimal(compile(rhs)))
      let isMultiply = operation == .multiplyMoney
      return .money { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        do {
          return isMultiply ? try x.multiplied(by: y) : try x.divided(by: y)
        } catch let error as ArithmeticError {
          throw site.arithmetic(error)
        }
      }
    case .percentOfMoney:
      let (a, b) = (decimal(compile(lhs)), money(compile(rhs)))
      return .money { frame in
        let (percent, base) = (try a(&frame), try b(&frame))
        do {
          return try base.multiplied(by: percent).divided(by: ExactDecimal(100))
        } catch let error as ArithmeticError {
          throw site.arithmetic(error)
        }
      }
    case .divideMoneyByMoney:
      let (a, b) = (money(compile(lhs)), money(compile(rhs)))
      return .decimal { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        do { return try x.ratio(to: y) } catch let error as MoneyError {
          throw site.money(error)
        }
      }
    case .addDuration, .subtractDuration:
      let base = date(compile(lhs))
      let duration = value(compile(rhs), rhs.type)
      let isAdd = operation == .addDuration
      return .date { frame in
        let start = try base(&frame)
        guard case .duration(let span) = try duration(&frame) else {
          throw site.error(.internalError, "internal error: expected a duration")
        }
        let result = isAdd ? span.added(to: start) : span.subtracted(from: start)
        guard let result else {
          throw site.error(
            .dateOutOfRange, "`\(site.span.text)` falls outside 0001-01-01 … 9999-12-31")
        }
        return result
      }
    case .concatenate:
      let (a, b) = (text(compile(lhs)), text(compile(rhs)))
      return .text { frame in try a(&frame) + b(&frame) }
    case .concatenateLists:
      let (a, b) = (elements(compile(lhs), lhs.type, site), elements(compile(rhs), rhs.type, site))
      return .value { frame in .list(try a(&frame) + b(&frame)) }
    case .compare(let op, let kind):
      return .bool(compileComparison(op, kind, lhs, rhs, site: site))
    case .equal(let negated):
      let (a, b) = (value(compile(lhs), lhs.type), value(compile(rhs), rhs.type))
      return .bool { frame in try (a(&frame) == b(&frame)) != negated }
    case .collectionContains:
      let collection = elements(compile(lhs), lhs.type, site)
      let element = value(compile(rhs), rhs.type)
      return .bool { frame in
        let items = try collection(&frame)
        return items.contains(try element(&frame))
      }
    case .textContains:
      let (a, b) = (text(compile(lhs)), text(compile(rhs)))
      return .bool { frame in
        let (whole, part) = (try a(&frame), try b(&frame))
        return part.isEmpty || Array(whole.utf8).firstRange(of: Array(part.utf8)) != nil
      }
    case .regionWithin:
      let (a, b) = (value(compile(lhs), lhs.type), value(compile(rhs), rhs.type))
      return .bool { frame in
        guard case .region(let region) = try a(&frame), case .region(let ancestor) = try b(&frame)
        else { throw site.error(.internalError, "internal error: expected regions") }
        return region.isWithin(ancestor)
      }
    }
  }

  // MARK: - Comparisons

  func compileComparison(
    _ op: BinaryOperator, _ kind: ComparisonKind, _ lhs: TypedExpr, _ rhs: TypedExpr, site: Site
  ) -> Thunk<Bool> {
    let test = Self.test(for: op)
    switch kind {
    case .int:
      let (a, b) = (int(compile(lhs)), int(compile(rhs)))
      return { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        return test(x < y ? -1 : (x == y ? 0 : 1))
      }
    case .decimal:
      let (a, b) = (decimal(compile(lhs)), decimal(compile(rhs)))
      return { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        return test(x < y ? -1 : (x == y ? 0 : 1))
      }
    case .money:
      let (a, b) = (money(compile(lhs)), money(compile(rhs)))
      return { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        do { return test(try x.compare(to: y)) } catch let error as MoneyError {
          throw site.money(error)
        }
      }
    case .date:
      let (a, b) = (date(compile(lhs)), date(compile(rhs)))
      return { frame in
        let (x, y) = (try a(&frame), try b(&frame))
        return test(x < y ? -1 : (x == y ? 0 : 1))
      }
    case .text:
      let (a, b) = (text(compile(lhs)), text(compile(rhs)))
      return { frame in test(Value.compareText(try a(&frame), try b(&frame))) }
    case .enumeration:
      let (a, b) = (value(compile(lhs), lhs.type), value(compile(rhs), rhs.type))
      return { frame in
        guard case .enumCase(let x) = try a(&frame), case .enumCase(let y) = try b(&frame) else {
          throw site.error(.internalError, "internal error: expected enum cases")
        }
        return test(x.ordinal < y.ordinal ? -1 : (x.ordinal == y.ordinal ? 0 : 1))
      }
    case .duration:
      let (a, b) = (value(compile(lhs), lhs.type), value(compile(rhs), rhs.type))
      return { frame in
        guard case .duration(let x) = try a(&frame), case .duration(let y) = try b(&frame) else {
          throw site.error(.internalError, "internal error: expected durations")
        }
        if let dx = x.dayCount, let dy = y.dayCount {
          return test(dx < dy ? -1 : (dx == dy ? 0 : 1))
        }
        if let mx = x.monthCount, let my = y.monthCount {
          return test(mx < my ? -1 : (mx == my ? 0 : 1))
        }
        throw site.error(
          .incomparableDurations,
          "cannot compare \(x) with \(y): months have no fixed length in days",
          help: "compare durations in the same unit family (days/weeks or months/years)")
      }
    }
  }

  /// Maps a three-way comparison result to the operator's answer.
  static func test(for op: BinaryOperator) -> @Sendable (Int) -> Bool {
    switch op {
    case .equal: return { $0 == 0 }
    case .notEqual: return { $0 != 0 }
    case .less: return { $0 < 0 }
    case .lessEqual: return { $0 <= 0 }
    case .greater: return { $0 > 0 }
    default: return { $0 >= 0 }
    }
  }
}
