import Testing

@testable import VerdantValues

/// A date the test knows is valid, failing the test (not crashing) otherwise.
private func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDate {
  guard let date = CivilDate(iso8601: text) else {
    Issue.record("invalid date \(text)", sourceLocation: sourceLocation)
    return .minimum
  }
  return date
}

@Suite("CalendarDuration")
struct CalendarDurationTests {
  typealias Unit = CalendarDuration.Unit

  @Test(
    arguments: [
      (30, Unit.days, "30 days"), (1, .days, "1 day"), (3, .years, "3 years"),
      (1, .months, "1 month"), (2, .weeks, "2 weeks"), (0, .days, "0 days"),
      (-1, .weeks, "-1 week"), (1, .years, "1 year"), (12, .months, "12 months"),
    ] as [(Int64, Unit, String)])
  func describes(amount: Int64, unit: Unit, expected: String) {
    #expect(CalendarDuration(amount: amount, unit: unit).description == expected)
  }

  @Test(
    arguments: [
      (5, Unit.days, 5, nil), (2, .weeks, 14, nil), (3, .months, nil, 3), (2, .years, nil, 24),
      (Int64.max, .weeks, nil, nil), (Int64.max, .years, nil, nil),
      (Int64.max, .days, Int64.max, nil), (-2, .weeks, -14, nil),
    ] as [(Int64, Unit, Int64?, Int64?)])
  func counts(amount: Int64, unit: Unit, days: Int64?, months: Int64?) {
    let duration = CalendarDuration(amount: amount, unit: unit)
    #expect(duration.dayCount == days)
    #expect(duration.monthCount == months)
  }

  @Test(
    arguments: [
      (30, Unit.days, "2025-01-15", "2025-02-14", "2024-12-16"),
      (2, .weeks, "2025-02-20", "2025-03-06", "2025-02-06"),
      (1, .months, "2024-01-31", "2024-02-29", "2023-12-31"),
      (1, .years, "2024-02-29", "2025-02-28", "2023-02-28"),
      (-1, .months, "2025-03-31", "2025-02-28", "2025-04-30"),
    ] as [(Int64, Unit, String, String, String)])
  func appliesToDates(
    amount: Int64, unit: Unit, start: String, forwards: String, backwards: String
  ) {
    let duration = CalendarDuration(amount: amount, unit: unit)
    #expect(duration.added(to: date(start))?.description == forwards)
    #expect(duration.subtracted(from: date(start))?.description == backwards)
  }

  @Test func outOfRangeAndOverflowGiveNil() {
    #expect(CalendarDuration(amount: 1, unit: .days).added(to: .maximum) == nil)
    #expect(CalendarDuration(amount: 1, unit: .years).subtracted(from: .minimum) == nil)
    #expect(CalendarDuration(amount: Int64.max, unit: .weeks).added(to: .minimum) == nil)
    #expect(CalendarDuration(amount: Int64.min, unit: .days).subtracted(from: .maximum) == nil)
    #expect(CalendarDuration(amount: Int64.min, unit: .months).subtracted(from: .minimum) == nil)
  }

  @Test func unitsAreNamedByTheirRawValues() {
    #expect(Unit.allCases.map(\.rawValue) == ["days", "weeks", "months", "years"])
    #expect(Unit(rawValue: "weeks") == .weeks)
  }
}
