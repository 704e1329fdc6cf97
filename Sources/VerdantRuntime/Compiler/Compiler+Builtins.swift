import VerdantSemantics
import VerdantSyntax
import VerdantValues

extension Compiler {
  func compileBuiltin(_ builtin: Builtin, _ arguments: [TypedExpr], type: ValueType, site: Site)
    -> CompiledExpr
  {
    switch builtin {
    case .count:
      let items = elements(compile(arguments[0]), arguments[0].type, site)
      return .int { frame in Int64(try items(&frame).count) }
    case .sum:
      return compileSum(arguments[0], type: type, site: site)
    case .minimum, .maximum:
      let items = elements(compile(arguments[0]), arguments[0].type, site)
      let wantsMinimum = builtin == .minimum
      let name = wantsMinimum ? "min" : "max"
      return unboxed(
        { frame in
          let values = try items(&frame)
          guard var best = values.first else {
            throw site.error(
              .emptyCollection, "`\(name)` of an empty collection in `\(site.span.text)`",
              help: "check `count(xs) > 0` first, or use `\(name)(…)` with a default value")
          }
          for candidate in values.dropFirst() {
            best = try Self.extremum(best, candidate, minimum: wantsMinimum, site: site)
          }
          return best
        }, type, site)
    case .least, .greatest:
      let parts = arguments.map { ValueStep(run: value(compile($0), $0.type)) }
      let wantsMinimum = builtin == .least
      return unboxed(
        { frame in
          var best = try parts[0].run(&frame)
          for part in parts.dropFirst() {
            best = try Self.extremum(best, try part.run(&frame), minimum: wantsMinimum, site: site)
          }
          return best
        }, type, site)
    case .round(let rule):
      let places = int(compile(arguments[1]))
      switch compile(arguments[0]) {
      case .money(let amount):
        return .money { frame in
          let money = try amount(&frame)
          let digits = try Self.places(try places(&frame), site: site)
          do {
            return Money(
              amount: try money.amount.rounded(toPlaces: digits, rule: rule),
              currency: money.currency)
          } catch let error as ArithmeticError { throw site.arithmetic(error) }
        }
      case let compiled:
        let number = decimal(compiled)
        return .decimal { frame in
          let value = try number(&frame)
          let digits = try Self.places(try places(&frame), site: site)
          do { return try value.rounded(toPlaces: digits, rule: rule) } catch let error
            as ArithmeticError
          { throw site.arithmetic(error) }
        }
      }
    case .absolute:
      switch compile(arguments[0]) {
      case .int(let number):
        return .int { frame in
          let value = try number(&frame)
          guard value != .min else { throw site.intOverflow() }
          return Swift.abs(value)
        }
      case .money(let amount):
        return .money { frame in
          let money = try amount(&frame)
          return Money(amount: money.amount.magnitude, currency: money.currency)
        }
      case let compiled:
        let number = decimal(compiled)
        return .decimal { frame in try number(&frame).magnitude }
      }
    case .yearsBetween, .daysBetween:
      let (a, b) = (date(compile(arguments[0])), date(compile(arguments[1])))
      let years = builtin == .yearsBetween
      return .int { frame in
        let (from, to) = (try a(&frame), try b(&frame))
        return years ? CivilDate.wholeYears(from: from, to: to) : CivilDate.days(from: from, to: to)
      }
    case .asPercent, .asRatio:
      let number = decimal(compile(arguments[0]))
      let toPercent = builtin == .asPercent
      return .decimal { frame in
        let value = try number(&frame)
        do {
          return toPercent
            ? try value.multiplied(by: Int64(100)) : try value.divided(by: Int64(100))
        } catch let error as ArithmeticError { throw site.arithmetic(error) }
      }
    case .asOf:
      return .date { frame in frame.asOf }
    case .parent:
      return compileParent(arguments[0], site: site)
    case .take:
      let items = elements(compile(arguments[0]), arguments[0].type, site)
      let count = int(compile(arguments[1]))
      return .value { frame in
        let values = try items(&frame)
        let wanted = try count(&frame)
        guard wanted >= 0 else {
          throw site.error(
            .invalidArgument, "`take` of \(wanted) elements in `\(site.span.text)`",
            help: "the number of elements to take cannot be negative")
        }
        return .list(Array(values.prefix(Int(clamping: wanted))))
      }
    case .recognized:
      return compileRecognized(arguments[0], arguments[1], site: site)
    case .amount:
      let amount = money(compile(arguments[0]))
      return .decimal { frame in try amount(&frame).amount }
    case .year, .month, .day:
      let day = date(compile(arguments[0]))
      return .int { frame in
        let value = try day(&frame)
        switch builtin {
        case .year: return Int64(value.year)
        case .month: return Int64(value.month)
        default: return Int64(value.day)
        }
      }
    }
  }

  private func compileSum(_ collection: TypedExpr, type: ValueType, site: Site) -> CompiledExpr {
    let items = elements(compile(collection), collection.type, site)
    switch type {
    case .int:
      return .int { frame in
        var total: Int64 = 0
        for item in try items(&frame) {
          guard case .int(let value) = item else { throw site.unexpected(item, expected: "Int") }
          let (next, overflow) = total.addingReportingOverflow(value)
          if overflow { throw site.intOverflow() }
          total = next
        }
        return total
      }
    case .money(let knownCurrency):
      return .money { frame in
        var total: Money?
        for item in try items(&frame) {
          guard case .money(let value) = item else {
            throw site.unexpected(item, expected: "Money")
          }
          do { total = try total.map { try $0.adding(value) } ?? value } catch let error
            as MoneyError
          { throw site.money(error) }
        }
        if let total { return total }
        guard let knownCurrency else {
          throw site.error(
            .emptyCollection, "`sum` of no amounts has no currency in `\(site.span.text)`",
            help: "declare the element type with its currency, e.g. `List<Money<CNY>>`, or add "
              + "a zero amount such as `0 CNY`")
        }
        return Money(amount: .zero, currency: knownCurrency)
      }
    default:
      return .decimal { frame in
        var total = ExactDecimal.zero
        for item in try items(&frame) {
          switch item {
          case .decimal(let value), .percent(let value):
            do { total = try total.adding(value) } catch let error as ArithmeticError {
              throw site.arithmetic(error)
            }
          default: throw site.unexpected(item, expected: "a decimal")
          }
        }
        return total
      }
    }
  }

  /// The smaller (or larger) of two values of one ordered type.
  static func extremum(_ a: Value, _ b: Value, minimum: Bool, site: Site) throws -> Value {
    guard let order = Value.compare(a, b) else {
      if case .money(let x) = a, case .money(let y) = b {
        throw site.money(.currencyMismatch(x.currency, y.currency))
      }
      throw site.error(.internalError, "internal error: \(a) and \(b) are not comparable")
    }
    return minimum ? (order <= 0 ? a : b) : (order >= 0 ? a : b)
  }

  /// Validates a rounding precision.
  static func places(_ value: Int64, site: Site) throws -> Int {
    guard (0...Int64(ExactDecimal.fractionDigits)).contains(value) else {
      throw site.error(
        .overflow,
        "cannot round to \(value) decimal places; use 0 to \(ExactDecimal.fractionDigits)")
    }
    return Int(value)
  }
}
