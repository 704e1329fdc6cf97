import Testing

@testable import VerdantValues

/// Parses a literal the test knows is valid, failing the test (not crashing) otherwise.
private func decimal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> ExactDecimal
{
  do {
    return try ExactDecimal(parsing: text)
  } catch {
    Issue.record("could not parse \(text): \(error)", sourceLocation: sourceLocation)
    return .zero
  }
}

@Suite("ExactDecimal")
struct ExactDecimalTests {
  static let maximumText = "170141183460469231731.687303715884105727"

  @Test func pointOnePlusPointTwoIsPointThree() throws {
    let sum = try decimal("0.1").adding(decimal("0.2"))
    #expect(sum == decimal("0.3"))
    #expect(sum.description == "0.3")
    #expect(sum.units == 300_000_000_000_000_000)
  }

  @Test(arguments: [
    ("0", "0"), ("-0", "0"), ("+1", "1"), ("0.10", "0.1"), ("1.5e-2", "0.015"),
    ("1e3", "1000"), ("1E+3", "1000"), ("12.5e1", "125"), ("-12.5", "-12.5"),
    ("0.2", "0.2"), ("3", "3"), ("0.000000000000000001", "0.000000000000000001"),
    ("1e-18", "0.000000000000000001"), ("1.000000000000000000000", "1"),
    ("0e999999999", "0"), ("0.0e-999", "0"), ("123.4500", "123.45"), ("-0.5", "-0.5"),
    ("100000000000000000000", "100000000000000000000"), ("2.5E-1", "0.25"),
    ("1000e-3", "1"), ("0.5e0", "0.5"),
    (maximumText, maximumText), ("-" + maximumText, "-" + maximumText),
    ("17014118346046923173168730371588410572.7e-17", maximumText),
  ])
  func parsesAcceptedForms(text: String, expected: String) throws {
    let value = try ExactDecimal(parsing: text)
    #expect(value.description == expected)
    // The shortest form parses back to the same value.
    #expect(try ExactDecimal(parsing: value.description) == value)
  }

  @Test(arguments: [
    ("", "expected a number, found nothing"),
    ("-", "expected a digit, found end of text"),
    ("+", "expected a digit, found end of text"),
    ("abc", "expected a digit, found `a`"),
    ("1.", "expected a digit after the decimal point, found end of text"),
    (".5", "expected a digit, found `.`"),
    ("01", "leading zeros are not allowed"),
    ("-007", "leading zeros are not allowed"),
    ("1e", "expected a digit in the exponent, found end of text"),
    ("1e+", "expected a digit in the exponent, found end of text"),
    ("1_000", "unexpected character, found `_`"),
    (" 1", "expected a digit, found ` `"),
    ("1 ", "unexpected character, found ` `"),
    ("1.2.3", "unexpected character, found `.`"),
    ("0x10", "unexpected character, found `x`"),
    ("--1", "expected a digit, found `-`"),
    ("1e5.5", "unexpected character, found `.`"),
    ("NaN", "expected a digit, found `N`"),
    ("Infinity", "expected a digit, found `I`"),
    ("1\u{7F}", "unexpected character, found byte 0x7F"),
    ("1é", "unexpected character, found byte 0xC3"),
  ])
  func rejectsInvalidSyntax(text: String, reason: String) {
    #expect(throws: DecimalParseError.invalidSyntax(reason)) {
      try ExactDecimal(parsing: text)
    }
  }

  @Test(arguments: [
    "0.0000000000000000001", "1e-19", "1.0000000000000000001", "-1.5e-18",
    "123456789e-30",
  ])
  func rejectsTooManyFractionDigits(text: String) {
    #expect(throws: DecimalParseError.tooManyFractionDigits) {
      try ExactDecimal(parsing: text)
    }
  }

  @Test(arguments: [
    "170141183460469231732", "-170141183460469231732", "1e21", "1e100000000",
    "170141183460469231731.687303715884105728", "9999999999999999999999999999999999999999",
    "340282366920938463463374607431768211456e-18",
  ])
  func rejectsOutOfRange(text: String) {
    #expect(throws: DecimalParseError.outOfRange) {
      try ExactDecimal(parsing: text)
    }
  }

  @Test func parsesSubstrings() throws {
    let source = "x = 12.75;"
    let literal = source.dropFirst(4).dropLast()
    #expect(try ExactDecimal(parsing: literal) == ExactDecimal(units: 12_750_000_000_000_000_000))
  }

  @Test func parseErrorDescriptions() {
    #expect(
      DecimalParseError.tooManyFractionDigits.description
        == "more than 18 digits after the decimal point")
    #expect(DecimalParseError.outOfRange.description == "number is too large in magnitude")
    #expect(
      DecimalParseError.invalidSyntax("leading zeros are not allowed").description
        == "invalid number: leading zeros are not allowed")
  }

  @Test(arguments: [
    (Int128(0), "0"), (Int128(1), "0.000000000000000001"), (Int128(-1), "-0.000000000000000001"),
    (Int128(200_000_000_000_000_000), "0.2"), (Int128(3_000_000_000_000_000_000), "3"),
    (Int128(-12_500_000_000_000_000_000), "-12.5"),
    (Int128(10_000_000_000_000_000_000), "10"),
    (Int128(100_000_000_000_000_000_000_000_000_000_000_000_000), "100000000000000000000"),
    (Int128.max, maximumText), (-Int128.max, "-" + maximumText),
  ])
  func describesShortestText(units: Int128, expected: String) {
    #expect(ExactDecimal(units: units).description == expected)
  }

  @Test func constantsAndPredicates() {
    #expect(ExactDecimal.fractionDigits == 18)
    #expect(ExactDecimal.zero.units == 0)
    #expect(ExactDecimal.one.units == 1_000_000_000_000_000_000)
    #expect(ExactDecimal.maximum.units == Int128.max)
    #expect(ExactDecimal.minimum.units == Int128.min + 1)
    #expect(ExactDecimal.zero.isZero && !ExactDecimal.one.isZero)
    #expect(decimal("-0.1").isNegative && !ExactDecimal.zero.isNegative)
    #expect(decimal("-3").isInteger && !decimal("3.5").isInteger && ExactDecimal.zero.isInteger)
    #expect(ExactDecimal(42) == decimal("42"))
    #expect(ExactDecimal(Int64.min).description == "-9223372036854775808")
    #expect(decimal("-0.5").magnitude == decimal("0.5"))
    #expect(ExactDecimal.minimum.magnitude == ExactDecimal.maximum)
    #expect(decimal("-1") < decimal("-0.5") && decimal("0.5") < decimal("0.6"))
    #expect(
      [decimal("2"), decimal("-1"), decimal("0.5")].sorted().map(\.description)
        == ["-1", "0.5", "2"])
  }

  @Test(
    arguments: [
      ("3", Int64(3)), ("-3", Int64(-3)), ("3.5", nil), ("9223372036854775807", Int64.max),
      ("-9223372036854775808", Int64.min), ("9223372036854775808", nil), ("0", Int64(0)),
    ] as [(String, Int64?)])
  func int64Value(text: String, expected: Int64?) {
    #expect(decimal(text).int64Value == expected)
  }

  @Test(
    arguments: [
      ("3.9", Int64(3)), ("-3.9", Int64(-3)), ("0.999", Int64(0)), ("1e20", nil),
      ("-9223372036854775808.9", Int64.min), ("9223372036854775808", nil),
    ] as [(String, Int64?)])
  func truncatedInt64(text: String, expected: Int64?) {
    #expect(decimal(text).truncatedInt64() == expected)
  }

  @Test(arguments: [
    ("1.25", "2.5", "3.75", "-1.25"), ("-7", "0.001", "-6.999", "-7.001"),
    ("0.000000000000000001", "0", "0.000000000000000001", "0.000000000000000001"),
  ])
  func addsAndSubtractsExactly(lhs: String, rhs: String, sum: String, difference: String)
    throws
  {
    #expect(try decimal(lhs).adding(decimal(rhs)).description == sum)
    #expect(try decimal(lhs).subtracting(decimal(rhs)).description == difference)
  }

  @Test func addAndSubtractOverflowAtTheBounds() throws {
    let unit = ExactDecimal(units: 1)
    #expect(throws: ArithmeticError.overflow) { try ExactDecimal.maximum.adding(unit) }
    // Int128.min itself is excluded, so reaching it is an overflow too.
    #expect(throws: ArithmeticError.overflow) { try ExactDecimal.minimum.subtracting(unit) }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.minimum.adding(ExactDecimal.minimum)
    }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.subtracting(ExactDecimal.minimum)
    }
    #expect(try ExactDecimal.maximum.adding(ExactDecimal.minimum) == .zero)
    #expect(try ExactDecimal.maximum.subtracting(unit).units == Int128.max - 1)
  }

  @Test(arguments: [
    ("1.5", "2", "3"), ("0.1", "0.1", "0.01"), ("-2.5", "4", "-10"), ("-0.5", "-0.5", "0.25"),
    ("1234.5678", "0.0375", "46.2962925"), ("0", "-5", "0"),
    ("10000000000", "10000000000", "100000000000000000000"),
    ("0.000000001", "0.000000001", "0.000000000000000001"),
    ("0.000000001", "0.0000000001", "0"),
    ("98765432.123456789", "12345678.987654321", "1219326320073159.566072245112635269"),
    (maximumText, "1", maximumText), ("-" + maximumText, "1", "-" + maximumText),
  ])
  func multipliesWithRounding(lhs: String, rhs: String, product: String) throws {
    #expect(try decimal(lhs).multiplied(by: decimal(rhs)).description == product)
  }

  @Test(arguments: [
    // Products landing exactly half a unit apart resolve to the even neighbour.
    (Int128(1), "0.5", Int128(0)), (Int128(3), "0.5", Int128(2)),
    (Int128(5), "0.5", Int128(2)), (Int128(-5), "0.5", Int128(-2)),
    (Int128(7), "0.5", Int128(4)), (Int128(1), "1.5", Int128(2)),
    (Int128(1), "0.49", Int128(0)), (Int128(1), "0.51", Int128(1)),
    (Int128(-1), "0.51", Int128(-1)),
    // The full-width path: maximum × 0.5 is …863.5 units, rounded to the even …864.
    (Int128.max, "0.5", Int128(85_070_591_730_234_615_865_843_651_857_942_052_864)),
  ])
  func multiplicationTiesRoundHalfEven(units: Int128, factor: String, expected: Int128)
    throws
  {
    #expect(try ExactDecimal(units: units).multiplied(by: decimal(factor)).units == expected)
  }

  @Test func multiplicationOverflow() {
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.multiplied(by: decimal("1.000000000000000001"))
    }
    #expect(throws: ArithmeticError.overflow) {
      try decimal("100000000000").multiplied(by: decimal("10000000000"))
    }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.minimum.multiplied(by: ExactDecimal.minimum)
    }
    #expect(throws: ArithmeticError.overflow) { try ExactDecimal.maximum.multiplied(by: 2) }
    #expect(throws: ArithmeticError.overflow) { try ExactDecimal.minimum.multiplied(by: -2) }
  }

  @Test func multipliesByIntegers() throws {
    #expect(try decimal("1.5").multiplied(by: -3).description == "-4.5")
    #expect(
      try decimal("0.000000000000000001").multiplied(by: Int64.max).description
        == "9.223372036854775807")
    #expect(try ExactDecimal.maximum.multiplied(by: -1) == ExactDecimal.minimum)
  }

  @Test(arguments: [
    ("1", "3", "0.333333333333333333"), ("2", "3", "0.666666666666666667"),
    ("1", "8", "0.125"), ("-1", "3", "-0.333333333333333333"),
    ("-2", "-3", "0.666666666666666667"), ("10", "4", "2.5"), ("0", "7", "0"),
    ("1", "0.000000000000000001", "1000000000000000000"),
    ("1000", "3", "333.333333333333333333"),
    ("1234567890123.456", "7", "176366841446.208"),
    ("98765432.1", "1234.5678", "80000.006561000538002044"),
    (maximumText, "1", maximumText), (maximumText, maximumText, "1"),
    (maximumText, "-" + maximumText, "-1"),
    ("100000000000", "0.000000001", "100000000000000000000"),
    ("170141183460469", "1000000000", "170141.183460469"),
  ])
  func dividesWithRounding(lhs: String, rhs: String, quotient: String) throws {
    #expect(try decimal(lhs).divided(by: decimal(rhs)).description == quotient)
  }

  @Test(arguments: [
    // Quotients exactly half a unit apart resolve to the even neighbour.
    (Int128(1), "2", Int128(0)), (Int128(3), "2", Int128(2)), (Int128(5), "2", Int128(2)),
    (Int128(-5), "2", Int128(-2)), (Int128(7), "-2", Int128(-4)),
    (Int128(1), "4", Int128(0)), (Int128(3), "4", Int128(1)), (Int128(2), "4", Int128(0)),
    (Int128(6), "4", Int128(2)),
  ])
  func divisionTiesRoundHalfEven(units: Int128, divisor: String, expected: Int128) throws {
    #expect(try ExactDecimal(units: units).divided(by: decimal(divisor)).units == expected)
    let integerDivisor = try #require(decimal(divisor).int64Value)
    #expect(try ExactDecimal(units: units).divided(by: integerDivisor).units == expected)
  }

  @Test func dividesByIntegers() throws {
    #expect(try decimal("1").divided(by: 3).description == "0.333333333333333333")
    #expect(try decimal("2").divided(by: -3).description == "-0.666666666666666667")
    #expect(try ExactDecimal.minimum.divided(by: -1) == ExactDecimal.maximum)
    #expect(
      try ExactDecimal.maximum.divided(by: Int64.min).units
        == -18_446_744_073_709_551_616)
  }

  @Test func divisionOverflowAndDivisionByZero() {
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.divided(by: decimal("0.5"))
    }
    #expect(throws: ArithmeticError.overflow) {
      try decimal("100000000000").divided(by: decimal("0.0000000001"))
    }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.divided(by: ExactDecimal(units: 1))
    }
    #expect(throws: ArithmeticError.divisionByZero) { try decimal("1").divided(by: .zero) }
    #expect(throws: ArithmeticError.divisionByZero) { try ExactDecimal.zero.divided(by: .zero) }
    #expect(throws: ArithmeticError.divisionByZero) { try decimal("1").divided(by: Int64(0)) }
  }

  @Test func negation() throws {
    #expect(try ExactDecimal.minimum.negated() == ExactDecimal.maximum)
    #expect(try ExactDecimal.maximum.negated() == ExactDecimal.minimum)
    #expect(try decimal("2.5").negated().description == "-2.5")
    #expect(try ExactDecimal.zero.negated() == .zero)
    #expect(ArithmeticError.overflow.description == "arithmetic overflow")
    #expect(ArithmeticError.divisionByZero.description == "division by zero")
  }

  typealias Rule = ExactDecimal.RoundingRule

  @Test(arguments: [
    ("2.5", 0, Rule.halfEven, "2"), ("-2.5", 0, .halfEven, "-2"), ("3.5", 0, .halfEven, "4"),
    ("2.45", 1, .halfEven, "2.4"), ("2.55", 1, .halfEven, "2.6"), ("2.451", 1, .halfEven, "2.5"),
    ("-2.45", 1, .halfEven, "-2.4"), ("2.4", 0, .halfEven, "2"), ("2.6", 0, .halfEven, "3"),
    ("2.5", 0, .halfAwayFromZero, "3"), ("-2.5", 0, .halfAwayFromZero, "-3"),
    ("3.5", 0, .halfAwayFromZero, "4"), ("2.45", 1, .halfAwayFromZero, "2.5"),
    ("-2.45", 1, .halfAwayFromZero, "-2.5"), ("2.449", 1, .halfAwayFromZero, "2.4"),
    ("2.5", 0, .towardZero, "2"), ("-2.5", 0, .towardZero, "-2"), ("3.5", 0, .towardZero, "3"),
    ("2.45", 1, .towardZero, "2.4"), ("-2.6", 0, .towardZero, "-2"),
    ("2.5", 0, .down, "2"), ("-2.5", 0, .down, "-3"), ("3.5", 0, .down, "3"),
    ("2.45", 1, .down, "2.4"), ("-2.41", 1, .down, "-2.5"),
    ("2.5", 0, .up, "3"), ("-2.5", 0, .up, "-2"), ("3.5", 0, .up, "4"),
    ("2.45", 1, .up, "2.5"), ("-2.45", 1, .up, "-2.4"), ("2.01", 0, .up, "3"),
    // Exact values are unchanged by every rule; places are clamped to 0...18.
    ("2.5", 1, .up, "2.5"), ("-7", 0, .down, "-7"), ("2.5", -3, .halfEven, "2"),
    ("0.000000000000000001", 25, .down, "0.000000000000000001"),
    ("1.234567", 4, .halfEven, "1.2346"), ("0.000000000000000005", 17, .halfEven, "0"),
    ("0.000000000000000015", 17, .halfEven, "0.00000000000000002"),
    ("0.000000000000000015", 17, .towardZero, "0.00000000000000001"),
  ])
  func roundingRules(text: String, places: Int, rule: Rule, expected: String) throws {
    #expect(try decimal(text).rounded(toPlaces: places, rule: rule).description == expected)
  }

  @Test func roundingAtTheBounds() throws {
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.rounded(toPlaces: 0, rule: .up)
    }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.minimum.rounded(toPlaces: 0, rule: .down)
    }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.rounded(toPlaces: 0, rule: .halfAwayFromZero)
    }
    #expect(
      try ExactDecimal.maximum.rounded(toPlaces: 0, rule: .down).description
        == "170141183460469231731")
    #expect(
      try ExactDecimal.minimum.rounded(toPlaces: 0, rule: .up).description
        == "-170141183460469231731")
    // Rounding to nearest can overflow too: the last digit of the maximum is a 7.
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal.maximum.rounded(toPlaces: 17, rule: .halfEven)
    }
    #expect(
      try ExactDecimal.maximum.rounded(toPlaces: 17, rule: .towardZero).description
        == "170141183460469231731.68730371588410572")
    #expect(try ExactDecimal.maximum.rounded(toPlaces: 18, rule: .up) == .maximum)
  }

  @Test func hashingFollowsValue() {
    let values: Set<ExactDecimal> = [decimal("0.10"), decimal("0.1"), decimal("1e-1")]
    #expect(values.count == 1)
  }
}
