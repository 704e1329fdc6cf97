import VerdantSyntax
import VerdantSemantics
import VerdantValues

/// One interval of a bin over a characteristic's value; a missing end is unbounded.
struct NumericInterval: Sendable {
  var lower: ExactDecimal?
  var lowerIncluded: Bool
  var upper: ExactDecimal?
  var upperIncluded: Bool

  static let everything = NumericInterval(
    lower: nil, lowerIncluded: false, upper: nil, upperIncluded: false)

  func contains(_ x: ExactDecimal) -> Bool {
    if let lower, lowerIncluded ? x < lower : x <= lower { return false }
    if let upper, upperIncluded ? x > upper : x >= upper { return false }
    return true
  }

  /// The values both intervals hold (possibly none, which `contains` then never matches).
  func intersected(with other: NumericInterval) -> NumericInterval {
    typealias End = (value: ExactDecimal?, included: Bool)
    /// The tighter of two ends: the larger lower end, or the smaller upper end.
    func tighter(_ a: End, _ b: End, larger: Bool) -> End {
      guard let x = a.value else { return b }
      guard let y = b.value else { return a }
      if x == y { return (x, a.included && b.included) }
      return (x > y) == larger ? a : b
    }
    let lower = tighter((lower, lowerIncluded), (other.lower, other.lowerIncluded), larger: true)
    let upper = tighter((upper, upperIncluded), (other.upper, other.upperIncluded), larger: false)
    return NumericInterval(
      lower: lower.value, lowerIncluded: lower.included, upper: upper.value,
      upperIncluded: upper.included)
  }
}

/// The bins of a characteristic whose conditions only compare its value with constants
/// (`>= 90%`, `75% ..< 90%`, `compliant`, `2 ... 3`, `true`), as intervals over a number: the
/// value is read unboxed (enum cases and Booleans by ordinal) and each bin is a few
/// comparisons, instead of boxing the value into a local and running a closure per bin.
struct NumericBins: Sendable {
  /// Per bin, the intervals it covers; `nil` for `otherwise`.
  let bins: [[NumericInterval]?]

  /// The number of the first bin that applies to `x`.
  func firstMatch(_ x: ExactDecimal) -> Int? {
    for (number, intervals) in bins.enumerated() {
      guard let intervals else { return number }
      for interval in intervals where interval.contains(x) { return number }
    }
    return nil
  }

  /// The bins as intervals over `local`, or `nil` when some condition is not of that form.
  init?(_ conditions: [TypedExpr?], local: LocalID) {
    var bins: [[NumericInterval]?] = []
    for condition in conditions {
      guard let condition else {
        bins.append(nil)
        continue
      }
      guard let intervals = Self.intervals(condition, local: local) else { return nil }
      bins.append(intervals)
    }
    self.bins = bins
  }

  private static func intervals(_ condition: TypedExpr, local: LocalID) -> [NumericInterval]? {
    switch condition.kind {
    case .or(let a, let b):
      guard let left = intervals(a, local: local), let right = intervals(b, local: local) else {
        return nil
      }
      return left + right
    case .and(let a, let b):
      guard let left = intervals(a, local: local), left.count == 1,
        let right = intervals(b, local: local), right.count == 1
      else { return nil }
      return [left[0].intersected(with: right[0])]
    case .local(let id) where id == local && condition.type == .bool:
      return [point(ExactDecimal(1))]
    case .not(let inner):
      guard case .local(let id) = inner.kind, id == local, inner.type == .bool else { return nil }
      return [point(ExactDecimal(0))]
    case .binary(.equal(negated: false), let a, let b):
      guard let constant = comparedConstant(a, b, local: local) else { return nil }
      return [point(constant.value)]
    case .binary(.compare(let op, let kind), let a, let b):
      guard [.int, .decimal, .enumeration].contains(kind),
        let constant = comparedConstant(a, b, local: local)
      else { return nil }
      // `c < x` reads as `x > c`.
      let flipped: [BinaryOperator: BinaryOperator] = [
        .less: .greater, .lessEqual: .greaterEqual, .greater: .less, .greaterEqual: .lessEqual,
      ]
      let op = constant.localOnLeft ? op : flipped[op] ?? op
      var interval = NumericInterval.everything
      switch op {
      case .less: (interval.upper, interval.upperIncluded) = (constant.value, false)
      case .lessEqual: (interval.upper, interval.upperIncluded) = (constant.value, true)
      case .greater: (interval.lower, interval.lowerIncluded) = (constant.value, false)
      case .greaterEqual: (interval.lower, interval.lowerIncluded) = (constant.value, true)
      default: return nil
      }
      return [interval]
    default:
      return nil
    }
  }

  private static func point(_ value: ExactDecimal) -> NumericInterval {
    NumericInterval(lower: value, lowerIncluded: true, upper: value, upperIncluded: true)
  }

  /// The constant compared with the local, and on which side the local stands.
  private static func comparedConstant(_ a: TypedExpr, _ b: TypedExpr, local: LocalID)
    -> (value: ExactDecimal, localOnLeft: Bool)?
  {
    if isLocal(a, local), let value = number(b) { return (value, true) }
    if isLocal(b, local), let value = number(a) { return (value, false) }
    return nil
  }

  private static func isLocal(_ expr: TypedExpr, _ local: LocalID) -> Bool {
    switch expr.kind {
    case .local(let id): return id == local
    case .widen(let inner): return isLocal(inner, local)
    default: return false
    }
  }

  /// A constant as the number the bins compare: enum cases and Booleans by ordinal.
  static func number(_ expr: TypedExpr) -> ExactDecimal? {
    switch expr.kind {
    case .widen(let inner): return number(inner)
    case .constant(let value):
      switch value {
      case .int(let n): return ExactDecimal(n)
      case .decimal(let d), .percent(let d): return d
      case .enumCase(let c): return ExactDecimal(Int64(c.ordinal))
      case .bool(let flag): return ExactDecimal(flag ? 1 : 0)
      default: return nil
      }
    default:
      return nil
    }
  }
}

extension Compiler {
  /// A compiled characteristic value as the number `NumericBins` compare, when its type allows.
  func numericKey(_ compiled: CompiledExpr, _ type: ValueType, site: Site) -> Thunk<ExactDecimal>? {
    switch type {
    case .int:
      let thunk = int(compiled)
      return { frame in ExactDecimal(try thunk(&frame)) }
    case .decimal, .percent:
      return decimal(compiled)
    case .bool:
      let thunk = bool(compiled)
      return { frame in ExactDecimal(try thunk(&frame) ? 1 : 0) }
    case .enumeration:
      let thunk = value(compiled, type)
      return { frame in
        let value = try thunk(&frame)
        guard case .enumCase(let c) = value else { throw site.unexpected(value, expected: "a case") }
        return ExactDecimal(Int64(c.ordinal))
      }
    default:
      return nil
    }
  }
}
