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

/// A currency the test knows is valid, failing the test (not crashing) otherwise.
private func currency(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) -> Currency
{
  guard let currency = Currency(code: code) else {
    Issue.record("invalid currency \(code)", sourceLocation: sourceLocation)
    return Currency(packed: 0x58_5858)
  }
  return currency
}

/// An amount of money from literal text.
private func money(_ amount: String, _ code: String) -> Money {
  Money(amount: decimal(amount), currency: currency(code))
}

@Suite("Currency and Money")
struct MoneyTests {
  @Test(
    arguments: [
      ("USD", "USD"), ("usd", nil), ("US", nil), ("USDX", nil), ("U$D", nil), ("ÄBC", nil),
      ("", nil), ("AB1", nil), ("ZZZ", "ZZZ"),
    ] as [(String, String?)])
  func currencyCodesAreThreeUppercaseLetters(code: String, expected: String?) {
    #expect(Currency(code: code)?.code == expected)
  }

  @Test(arguments: [
    ("EUR", true), ("USD", true), ("CNY", true), ("JPY", true), ("VES", true), ("VED", true),
    ("MRU", true), ("STN", true), ("SLE", true), ("ZWG", true), ("XCG", true), ("XXX", true),
    ("XAU", true), ("AED", true), ("ZMW", true), ("HRK", false), ("VEF", false),
    ("MRO", false), ("ZWD", false), ("ABC", false), ("AAA", false), ("ZZZ", false),
  ])
  func isoMembership(code: String, isISO: Bool) {
    #expect(currency(code).isISO4217 == isISO)
  }

  @Test func isoCodeList() {
    let codes = Currency.iso4217Codes
    #expect(codes.count == 180)
    #expect(codes == codes.sorted())
    #expect(Set(codes).count == codes.count)
    #expect(codes.first == "AED")
    #expect(codes.last == "ZWG")
    #expect(codes.allSatisfy { Currency(code: $0)?.isISO4217 == true })
  }

  @Test func currencyOrderingAndDescription() {
    #expect(currency("CHF") < currency("CNY"))
    #expect(!(currency("EUR") < currency("EUR")))
    #expect(currency("EUR").description == "EUR")
    #expect(Currency(code: "xEURx".dropFirst().dropLast()) == currency("EUR"))
    #expect(MemoryLayout<Currency>.size == 4)
  }

  @Test(arguments: [
    ("1200.50", "CNY", "1200.5 CNY"), ("0", "EUR", "0 EUR"), ("-3.25", "USD", "-3.25 USD"),
  ])
  func description(amount: String, code: String, expected: String) {
    #expect(money(amount, code).description == expected)
  }

  @Test func addsAndSubtractsInOneCurrency() throws {
    #expect(try money("0.1", "EUR").adding(money("0.2", "EUR")) == money("0.3", "EUR"))
    #expect(try money("10", "EUR").subtracting(money("12.5", "EUR")) == money("-2.5", "EUR"))
  }

  @Test func rejectsCurrencyMismatch() {
    let mismatch = MoneyError.currencyMismatch(currency("CNY"), currency("EUR"))
    #expect(throws: mismatch) { try money("1", "CNY").adding(money("1", "EUR")) }
    #expect(throws: mismatch) { try money("1", "CNY").subtracting(money("1", "EUR")) }
    #expect(throws: mismatch) { try money("1", "CNY").ratio(to: money("1", "EUR")) }
    #expect(throws: mismatch) { try money("1", "CNY").compare(to: money("1", "EUR")) }
    #expect(mismatch.description == "currency mismatch: CNY and EUR")
  }

  @Test func reportsArithmeticFailures() {
    let maximum = Money(amount: .maximum, currency: currency("USD"))
    #expect(throws: MoneyError.arithmetic(.overflow)) { try maximum.adding(money("1", "USD")) }
    #expect(throws: MoneyError.arithmetic(.overflow)) {
      try Money(amount: .minimum, currency: currency("USD")).subtracting(money("1", "USD"))
    }
    #expect(throws: MoneyError.arithmetic(.divisionByZero)) {
      try money("1", "USD").ratio(to: money("0", "USD"))
    }
    #expect(throws: ArithmeticError.divisionByZero) { try money("1", "USD").divided(by: .zero) }
    #expect(throws: ArithmeticError.overflow) { try maximum.multiplied(by: decimal("2")) }
    #expect(MoneyError.arithmetic(.overflow).description == "arithmetic overflow")
  }

  @Test func scalesAndDivides() throws {
    #expect(
      try money("1200.50", "CNY").multiplied(by: decimal("0.0375"))
        == money(
          "45.01875", "CNY"))
    #expect(
      try money("100", "EUR").divided(by: decimal("3"))
        == money(
          "33.333333333333333333", "EUR"))
    #expect(try money("30", "EUR").ratio(to: money("120", "EUR")) == decimal("0.25"))
  }

  @Test(arguments: [("1", "2", -1), ("2", "2", 0), ("2.000", "2", 0), ("3", "-2", 1)])
  func comparesInOneCurrency(lhs: String, rhs: String, expected: Int) throws {
    #expect(try money(lhs, "GBP").compare(to: money(rhs, "GBP")) == expected)
  }
}
