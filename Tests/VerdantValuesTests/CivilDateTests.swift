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

@Suite("CivilDate")
struct CivilDateTests {
  @Test(arguments: [
    ("1970-01-01", Int32(0)), ("2000-03-01", 11_017), ("2025-07-01", 20_270),
    ("2024-02-29", 19_782), ("1900-03-01", -25_508), ("0001-01-01", -719_162),
    ("9999-12-31", 2_932_896), ("1969-12-31", -1),
  ])
  func dayNumbers(text: String, days: Int32) {
    let parsed = date(text)
    #expect(parsed.daysSinceEpoch == days)
    #expect(CivilDate(daysSinceEpoch: days) == parsed)
    #expect(parsed.description == text)
  }

  @Test(arguments: [
    (2024, 2, 29, true), (2023, 2, 29, false), (1900, 2, 29, false), (2000, 2, 29, true),
    (2100, 2, 29, false), (2400, 2, 29, true), (2025, 4, 31, false), (2025, 4, 30, true),
    (2025, 12, 31, true), (2025, 13, 1, false), (2025, 0, 1, false), (2025, 1, 0, false),
    (2025, 1, 32, false), (0, 1, 1, false), (10_000, 1, 1, false), (1, 1, 1, true),
    (9999, 12, 31, true),
  ])
  func validatesParts(year: Int, month: Int, day: Int, valid: Bool) {
    let made = CivilDate(year: year, month: month, day: day)
    #expect((made != nil) == valid)
    if let made {
      #expect(made.year == year && made.month == month && made.day == day)
    }
  }

  @Test(arguments: [
    "2025-02-30", "2025-13-01", "25-01-01", "2025-1-01", "2025-01-1", "2025/01/01",
    "2025-01-01T00:00", " 2025-01-01", "0000-01-01", "2023-02-29", "+025-01-01", "",
    "2025-00-10", "２０２５-01-01",
  ])
  func rejectsInvalidText(text: String) {
    #expect(CivilDate(iso8601: text) == nil)
  }

  @Test func rangeLimits() {
    #expect(CivilDate.minimum.description == "0001-01-01")
    #expect(CivilDate.maximum.description == "9999-12-31")
    #expect(CivilDate(daysSinceEpoch: -719_163) == nil)
    #expect(CivilDate(daysSinceEpoch: 2_932_897) == nil)
    #expect(CivilDate.minimum.adding(days: -1) == nil)
    #expect(CivilDate.maximum.adding(days: 1) == nil)
    #expect(CivilDate.maximum.adding(months: 1) == nil)
    #expect(CivilDate.minimum.adding(months: -1) == nil)
    #expect(CivilDate.minimum.adding(days: Int64.max) == nil)
    #expect(CivilDate.maximum.adding(days: Int64.min) == nil)
    #expect(CivilDate.maximum.adding(months: Int64.max) == nil)
    #expect(CivilDate.minimum.adding(months: Int64.min) == nil)
    #expect(CivilDate(iso8601: "0999-12-31")?.description == "0999-12-31")
    #expect(CivilDate.days(from: .minimum, to: .maximum) == 3_652_058)
  }

  @Test(
    arguments: [
      ("2024-02-28", 1, "2024-02-29"), ("2023-02-28", 1, "2023-03-01"),
      ("2024-12-31", 1, "2025-01-01"), ("2025-03-01", -1, "2025-02-28"),
      ("2025-07-01", 365, "2026-07-01"), ("2025-07-01", 0, "2025-07-01"),
      ("1970-01-01", -719_162, "0001-01-01"),
    ] as [(String, Int64, String)])
  func addsDays(start: String, days: Int64, expected: String) {
    #expect(date(start).adding(days: days)?.description == expected)
  }

  @Test(
    arguments: [
      ("2024-01-31", 1, "2024-02-29"), ("2025-01-31", 1, "2025-02-28"),
      ("2025-03-31", 1, "2025-04-30"), ("2025-03-31", -1, "2025-02-28"),
      ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-29"),
      ("2025-11-15", 2, "2026-01-15"), ("2025-01-15", -13, "2023-12-15"),
      ("2025-07-01", 0, "2025-07-01"), ("9999-11-30", 1, "9999-12-30"),
      ("0001-02-28", -1, "0001-01-28"),
    ] as [(String, Int64, String)])
  func addsMonthsWithEndOfMonthClamping(start: String, months: Int64, expected: String) {
    #expect(date(start).adding(months: months)?.description == expected)
  }

  @Test(
    arguments: [
      ("2025-01-01", "2025-12-31", 364), ("2024-01-01", "2024-12-31", 365),
      ("2025-03-01", "2025-02-01", -28), ("2024-03-01", "2024-02-01", -29),
      ("2025-07-01", "2025-07-01", 0),
    ] as [(String, String, Int64)])
  func daysBetween(from: String, to: String, expected: Int64) {
    #expect(CivilDate.days(from: date(from), to: date(to)) == expected)
  }

  @Test(
    arguments: [
      ("2020-02-29", "2021-02-28", 1), ("2020-02-29", "2021-02-27", 0),
      ("2020-02-29", "2024-02-28", 3), ("2020-02-29", "2024-02-29", 4),
      ("2024-07-01", "2025-06-30", 0), ("2024-07-01", "2025-07-01", 1),
      ("1990-05-15", "2025-05-14", 34), ("1990-05-15", "2025-05-15", 35),
      ("2025-07-01", "2025-07-01", 0), ("2025-07-01", "2024-07-01", -1),
      ("2025-06-30", "2024-07-01", 0), ("2021-02-28", "2020-02-29", -1),
      ("0001-01-01", "9999-12-31", 9998),
    ] as [(String, String, Int64)])
  func wholeYears(from: String, to: String, expected: Int64) {
    #expect(CivilDate.wholeYears(from: date(from), to: date(to)) == expected)
  }

  @Test func orderingAndHashing() {
    #expect(date("1999-12-31") < date("2000-01-01"))
    #expect(Set([date("2025-07-01"), date("2025-07-01")]).count == 1)
    #expect(MemoryLayout<CivilDate>.size == 4)
  }

  @Test func todayIsAPlausibleUTCDate() {
    let today = CivilDate.today()
    #expect(today >= date("2024-01-01"))
    #expect(today < date("2100-01-01"))
    // Two reads a moment apart agree except across midnight.
    #expect(CivilDate.days(from: today, to: CivilDate.today()) <= 1)
  }
}
