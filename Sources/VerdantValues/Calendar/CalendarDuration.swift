/// A length of calendar time: a count of days, weeks, months or years.
///
/// Months and years are not fixed numbers of days, so a duration is kept in its own unit
/// and only applied to a concrete date.
public struct CalendarDuration: Sendable, Hashable, CustomStringConvertible {
  /// The unit a duration is counted in.
  public enum Unit: String, Sendable, Hashable, CaseIterable {
    /// Single days.
    case days
    /// Seven days.
    case weeks
    /// Calendar months (applied with end-of-month clamping).
    case months
    /// Twelve calendar months.
    case years
  }

  /// How many units; may be negative.
  public let amount: Int64
  /// The unit counted.
  public let unit: Unit

  /// Creates a duration.
  ///
  /// - Parameter amount: The count of units.
  /// - Parameter unit: The unit.
  public init(amount: Int64, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// The amount and unit in English, singular for ±1: `30 days`, `1 month`.
  public var description: String {
    let plural = unit.rawValue
    let name = amount == 1 || amount == -1 ? String(plural.dropLast()) : plural
    return "\(amount) \(name)"
  }

  /// The length in days for `days` and `weeks`; `nil` for other units or on overflow.
  public var dayCount: Int64? {
    switch unit {
    case .days: return amount
    case .weeks:
      let (days, overflow) = amount.multipliedReportingOverflow(by: 7)
      return overflow ? nil : days
    case .months, .years: return nil
    }
  }

  /// The length in months for `months` and `years`; `nil` for other units or on overflow.
  public var monthCount: Int64? {
    switch unit {
    case .months: return amount
    case .years:
      let (months, overflow) = amount.multipliedReportingOverflow(by: 12)
      return overflow ? nil : months
    case .days, .weeks: return nil
    }
  }

  /// Applies the duration forwards.
  ///
  /// - Parameter date: The start date.
  /// - Returns: The date this long after `date`, or `nil` if out of range.
  public func added(to date: CivilDate) -> CivilDate? {
    if let days = dayCount { return date.adding(days: days) }
    if let months = monthCount { return date.adding(months: months) }
    return nil
  }

  /// Applies the duration backwards.
  ///
  /// - Parameter date: The end date.
  /// - Returns: The date this long before `date`, or `nil` if out of range.
  public func subtracted(from date: CivilDate) -> CivilDate? {
    if let days = dayCount {
      let (negated, overflow) = Int64(0).subtractingReportingOverflow(days)
      return overflow ? nil : date.adding(days: negated)
    }
    if let months = monthCount {
      let (negated, overflow) = Int64(0).subtractingReportingOverflow(months)
      return overflow ? nil : date.adding(months: negated)
    }
    return nil
  }
}
