import VerdantValues

/// One end of an interval: a value and whether the value itself is included.
public struct Bound: Sendable, Hashable {
  /// The end value.
  public let value: ExactDecimal
  /// Whether `value` belongs to the interval.
  public let isClosed: Bool

  /// Creates a bound.
  public init(_ value: ExactDecimal, closed: Bool) {
    self.value = value
    self.isClosed = closed
  }
}

/// An interval of an ordered domain; a `nil` end is unbounded.
public struct Interval: Sendable, Hashable {
  /// The lower end, or `nil` for -∞.
  public let lower: Bound?
  /// The upper end, or `nil` for +∞.
  public let upper: Bound?

  /// Creates an interval.
  public init(lower: Bound?, upper: Bound?) {
    self.lower = lower
    self.upper = upper
  }

  /// The whole domain.
  public static let all = Interval(lower: nil, upper: nil)

  /// Whether no value lies in the interval.
  public var isEmpty: Bool {
    guard let lower, let upper else { return false }
    if lower.value < upper.value { return false }
    if lower.value > upper.value { return true }
    return !(lower.isClosed && upper.isClosed)
  }

  /// Whether a value lies in the interval.
  public func contains(_ value: ExactDecimal) -> Bool {
    if let lower, value < lower.value || (value == lower.value && !lower.isClosed) { return false }
    if let upper, value > upper.value || (value == upper.value && !upper.isClosed) { return false }
    return true
  }
}

/// A union of disjoint intervals over an ordered domain: the allowed values of one subject.
///
/// Sets over a *discrete* domain (`Int`, `Date`) keep closed integer bounds, so `x > 3` and
/// `x < 4` are known to have nothing in common; sets over continuous domains (`Decimal`,
/// `Percent`, `Money`) keep open and closed ends exactly.
public struct IntervalSet: Sendable, Hashable {
  /// The intervals, sorted and pairwise disjoint and non-adjacent.
  public private(set) var intervals: [Interval]
  /// Whether the domain holds only whole numbers.
  public let isDiscrete: Bool

  /// Creates a normalised set from any intervals.
  public init(_ intervals: [Interval], discrete: Bool) {
    self.isDiscrete = discrete
    self.intervals = []
    self.intervals = normalise(intervals.map(tighten).filter { !$0.isEmpty })
  }

  /// The whole domain.
  public static func all(discrete: Bool) -> IntervalSet { IntervalSet([.all], discrete: discrete) }

  /// No values.
  public static func none(discrete: Bool) -> IntervalSet { IntervalSet([], discrete: discrete) }

  /// Whether the set is empty.
  public var isEmpty: Bool { intervals.isEmpty }

  /// Whether the set is the whole domain.
  public var isAll: Bool { intervals == [.all] }

  /// Whether a value is in the set.
  public func contains(_ value: ExactDecimal) -> Bool { intervals.contains { $0.contains(value) } }

  /// The values in both sets.
  public func intersection(_ other: IntervalSet) -> IntervalSet {
    var result: [Interval] = []
    for a in intervals {
      for b in other.intervals {
        let lower = Self.maxLower(a.lower, b.lower)
        let upper = Self.minUpper(a.upper, b.upper)
        let interval = Interval(lower: lower, upper: upper)
        if !interval.isEmpty { result.append(interval) }
      }
    }
    return IntervalSet(result, discrete: isDiscrete)
  }

  /// The values in either set.
  public func union(_ other: IntervalSet) -> IntervalSet {
    IntervalSet(intervals + other.intervals, discrete: isDiscrete)
  }

  /// The values of the domain not in the set.
  public func complement() -> IntervalSet {
    var result: [Interval] = []
    var lower: Bound? = nil
    var open = true  // whether the next gap starts at -∞
    for interval in intervals {
      if let start = interval.lower {
        let gapUpper = Bound(start.value, closed: !start.isClosed)
        result.append(Interval(lower: open ? nil : lower, upper: gapUpper))
      } else {
        // Starts at -∞: no gap before it.
      }
      open = false
      if let end = interval.upper {
        lower = Bound(end.value, closed: !end.isClosed)
      } else {
        return IntervalSet(result, discrete: isDiscrete)
      }
    }
    result.append(Interval(lower: open ? nil : lower, upper: nil))
    return IntervalSet(result, discrete: isDiscrete)
  }

  /// The values in this set but not in `other`.
  public func subtracting(_ other: IntervalSet) -> IntervalSet {
    intersection(other.complement())
  }

  // MARK: - Normalisation

  /// On a discrete domain, turns open ends into closed ones on whole numbers:
  /// `(3, 7)` becomes `[4, 6]`, `[2.5, …` becomes `[3, …`.
  private func tighten(_ interval: Interval) -> Interval {
    guard isDiscrete else { return interval }
    var lower = interval.lower
    var upper = interval.upper
    if let bound = lower {
      let ceiling = (try? bound.value.rounded(toPlaces: 0, rule: .up)) ?? bound.value
      let start = ceiling == bound.value && !bound.isClosed ? ceiling.plusOne : ceiling
      lower = Bound(start, closed: true)
    }
    if let bound = upper {
      let floor = (try? bound.value.rounded(toPlaces: 0, rule: .down)) ?? bound.value
      let end = floor == bound.value && !bound.isClosed ? floor.minusOne : floor
      upper = Bound(end, closed: true)
    }
    return Interval(lower: lower, upper: upper)
  }

  private func normalise(_ input: [Interval]) -> [Interval] {
    let sorted = input.sorted { Self.lowerPrecedes($0.lower, $1.lower) }
    var result: [Interval] = []
    for interval in sorted {
      guard let last = result.last else {
        result.append(interval)
        continue
      }
      if touches(last, interval) {
        result[result.count - 1] = Interval(
          lower: last.lower, upper: Self.maxUpper(last.upper, interval.upper))
      } else {
        result.append(interval)
      }
    }
    return result
  }

  /// Whether `b` (starting no earlier than `a`) overlaps or adjoins `a`.
  private func touches(_ a: Interval, _ b: Interval) -> Bool {
    guard let end = a.upper else { return true }
    guard let start = b.lower else { return true }
    if start.value < end.value { return true }
    if start.value == end.value { return start.isClosed || end.isClosed }
    // On whole numbers, [1, 3] and [4, 6] adjoin.
    return isDiscrete && end.isClosed && start.isClosed && start.value == end.value.plusOne
  }

  static func lowerPrecedes(_ a: Bound?, _ b: Bound?) -> Bool {
    guard let a else { return b != nil }
    guard let b else { return false }
    if a.value != b.value { return a.value < b.value }
    return a.isClosed && !b.isClosed
  }

  static func maxLower(_ a: Bound?, _ b: Bound?) -> Bound? {
    guard let a else { return b }
    guard let b else { return a }
    if a.value != b.value { return a.value > b.value ? a : b }
    return Bound(a.value, closed: a.isClosed && b.isClosed)
  }

  static func minUpper(_ a: Bound?, _ b: Bound?) -> Bound? {
    guard let a else { return b }
    guard let b else { return a }
    if a.value != b.value { return a.value < b.value ? a : b }
    return Bound(a.value, closed: a.isClosed && b.isClosed)
  }

  static func maxUpper(_ a: Bound?, _ b: Bound?) -> Bound? {
    guard let a, let b else { return nil }
    if a.value != b.value { return a.value > b.value ? a : b }
    return Bound(a.value, closed: a.isClosed || b.isClosed)
  }
}

extension ExactDecimal {
  /// `self + 1`, saturating at the representable maximum (analysis only).
  var plusOne: ExactDecimal { (try? adding(.one)) ?? self }
  /// `self - 1`, saturating at the representable minimum (analysis only).
  var minusOne: ExactDecimal { (try? subtracting(.one)) ?? self }
}
