#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A calendar date without time or time zone, in the proleptic Gregorian calendar.
///
/// Stored as a day count so comparison and day arithmetic are integer operations; the
/// year, month and day are derived on demand. The range is 0001-01-01 through 9999-12-31,
/// the years that ISO 8601 text can express with four digits.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01 (which is day 0); negative before it.
  public let daysSinceEpoch: Int32

  /// The day number of 0001-01-01.
  @usableFromInline
  static let minimumDays: Int32 = -719_162

  /// The day number of 9999-12-31.
  @usableFromInline
  static let maximumDays: Int32 = 2_932_896

  /// Creates a date from a day count.
  ///
  /// - Parameter daysSinceEpoch: Days since 1970-01-01.
  /// - Returns: `nil` if the day falls outside 0001-01-01...9999-12-31.
  @inlinable
  public init?(daysSinceEpoch: Int32) {
    guard daysSinceEpoch >= CivilDate.minimumDays, daysSinceEpoch <= CivilDate.maximumDays
    else { return nil }
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// Creates a date from its parts, validating them.
  ///
  /// - Parameter year: The year, 1...9999.
  /// - Parameter month: The month, 1...12.
  /// - Parameter day: The day, 1 up to the month's length (29 February only in leap years).
  /// - Returns: `nil` if any part is out of range.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CivilDate.daysInMonth(year: year, month: month)
    else { return nil }
    self.daysSinceEpoch = Int32(
      truncatingIfNeeded: CivilDate.daysFromCivil(year: year, month: month, day: day))
  }

  /// Parses an ISO 8601 calendar date.
  ///
  /// - Parameter text: Exactly `YYYY-MM-DD`: four, two and two ASCII digits.
  /// - Returns: `nil` for any other shape or for a date that does not exist.
  public init?(iso8601 text: some StringProtocol) {
    // Fields accumulate in one pass with no allocation: dates arrive in bulk from input data.
    var fields = (0, 0, 0)
    var length = 0
    for byte in text.utf8 {
      guard length < 10 else { return nil }
      if length == 4 || length == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else {
        let digit = Int(byte &- UInt8(ascii: "0"))
        guard digit < 10 else { return nil }
        switch length {
        case 0..<4: fields.0 = fields.0 * 10 + digit
        case 5..<7: fields.1 = fields.1 * 10 + digit
        default: fields.2 = fields.2 * 10 + digit
        }
      }
      length += 1
    }
    guard length == 10 else { return nil }
    self.init(year: fields.0, month: fields.1, day: fields.2)
  }

  /// 0001-01-01, the earliest date.
  public static let minimum = CivilDate(unchecked: minimumDays)

  /// 9999-12-31, the latest date.
  public static let maximum = CivilDate(unchecked: maximumDays)

  /// Creates a date from a day count known to be in range.
  @usableFromInline
  init(unchecked days: Int32) {
    self.daysSinceEpoch = days
  }

  /// The year, 1...9999.
  public var year: Int { CivilDate.civilFromDays(Int(daysSinceEpoch)).year }

  /// The month, 1...12.
  public var month: Int { CivilDate.civilFromDays(Int(daysSinceEpoch)).month }

  /// The day of the month, 1...31.
  public var day: Int { CivilDate.civilFromDays(Int(daysSinceEpoch)).day }

  /// The ISO 8601 form, such as `2025-07-01`.
  public var description: String {
    let (year, month, day) = CivilDate.civilFromDays(Int(daysSinceEpoch))
    return String(unsafeUninitializedCapacity: 10) { buffer in
      func put(_ value: Int, at offset: Int, width: Int) {
        var remaining = value
        for position in (offset..<offset + width).reversed() {
          buffer[position] = UInt8(truncatingIfNeeded: remaining % 10) + UInt8(ascii: "0")
          remaining /= 10
        }
      }
      put(year, at: 0, width: 4)
      buffer[4] = UInt8(ascii: "-")
      put(month, at: 5, width: 2)
      buffer[7] = UInt8(ascii: "-")
      put(day, at: 8, width: 2)
      return 10
    }
  }

  /// Orders dates chronologically.
  ///
  /// - Parameter lhs: The left operand.
  /// - Parameter rhs: The right operand.
  /// - Returns: Whether `lhs` is earlier than `rhs`.
  @inlinable
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  /// Moves the date by a number of days.
  ///
  /// - Parameter days: Days to add; negative moves earlier.
  /// - Returns: The new date, or `nil` if it falls outside the supported range.
  @inlinable
  public func adding(days: Int64) -> CivilDate? {
    let (target, overflow) = Int64(daysSinceEpoch).addingReportingOverflow(days)
    guard !overflow, let narrow = Int32(exactly: target) else { return nil }
    return CivilDate(daysSinceEpoch: narrow)
  }

  /// Moves the date by calendar months, clamping the day to the target month's length.
  ///
  /// So 2024-01-31 plus one month is 2024-02-29 and 2025-01-31 plus one month is
  /// 2025-02-28: a deadline "one month after" the end of a month stays within the month.
  ///
  /// - Parameter months: Months to add; negative moves earlier.
  /// - Returns: The new date, or `nil` if it falls outside the supported range.
  public func adding(months: Int64) -> CivilDate? {
    let (year, month, day) = CivilDate.civilFromDays(Int(daysSinceEpoch))
    let current = Int64(year) * 12 + Int64(month - 1)
    let (target, overflow) = current.addingReportingOverflow(months)
    guard !overflow, target >= 12, target < 10_000 * 12 else { return nil }
    let targetYear = Int(target / 12)
    let targetMonth = Int(target % 12) + 1
    let targetDay = min(day, CivilDate.daysInMonth(year: targetYear, month: targetMonth))
    return CivilDate(year: targetYear, month: targetMonth, day: targetDay)
  }

  /// The signed number of days from one date to another.
  ///
  /// - Parameter a: The start date.
  /// - Parameter b: The end date.
  /// - Returns: `b - a` in days; negative when `b` is earlier.
  @inlinable
  public static func days(from a: CivilDate, to b: CivilDate) -> Int64 {
    Int64(b.daysSinceEpoch) - Int64(a.daysSinceEpoch)
  }

  /// The number of complete years between two dates, as for an age or a tenure.
  ///
  /// Anniversaries use `adding(months:)`, so a 29 February start has its anniversary on
  /// 28 February in common years: 2020-02-29 to 2021-02-28 is one year.
  ///
  /// - Parameter a: The start date.
  /// - Parameter b: The end date.
  /// - Returns: The largest `n ≥ 0` with `a.adding(months: 12 * n) ≤ b` when `b ≥ a`;
  ///   when `b < a`, the negation of `wholeYears(from: b, to: a)`.
  public static func wholeYears(from a: CivilDate, to b: CivilDate) -> Int64 {
    if b < a { return -wholeYears(from: b, to: a) }
    var years = Int64(b.year - a.year)
    // The anniversary in b's year is in range because that year is; step back if it is
    // still ahead of b.
    if let anniversary = a.adding(months: 12 * years), anniversary > b {
      years -= 1
    }
    return years
  }

  /// Today's date in UTC, from the system clock.
  ///
  /// - Returns: The current UTC date (clamped to the supported range, which only matters
  ///   for a wildly wrong clock).
  public static func today() -> CivilDate {
    let seconds = Int64(time(nil))
    // POSIX time has exactly 86400 seconds per day, so flooring division yields the UTC
    // day without consulting gmtime or the time zone database.
    let (quotient, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let days = remainder < 0 ? quotient - 1 : quotient
    let clamped = min(max(days, Int64(minimumDays)), Int64(maximumDays))
    return CivilDate(unchecked: Int32(truncatingIfNeeded: clamped))
  }

  /// Whether a year has 29 February.
  ///
  /// - Parameter year: A Gregorian year.
  /// - Returns: `true` for years divisible by 4, except centuries not divisible by 400.
  @inlinable
  static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in a month.
  ///
  /// - Parameter year: The year, for February.
  /// - Parameter month: The month, 1...12.
  /// - Returns: 28...31.
  @inlinable
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Howard Hinnant's `days_from_civil`: days since 1970-01-01 for a valid date.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Howard Hinnant's `civil_from_days`: the date for a day count since 1970-01-01.
  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}
