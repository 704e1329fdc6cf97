import Testing
import Verdant
import VerdantTestSupport

/// Evaluates a ruleset with no inputs and returns one output rendered as JSON text.
private func value(_ source: String, _ output: String, asOf: String = "2025-09-01") throws -> String
{
  let result = try evaluateForTest(source, json: "{}", asOf: asOf, outputs: [output])
  return JSONWriter.string(try #require(result[output]).json)
}

/// The evaluation error a ruleset raises.
private func failure(_ source: String, json: String = "{}", asOf: String = "2025-09-01")
  -> EvaluationError?
{
  do {
    _ = try evaluateForTest(source, json: json, asOf: asOf)
    return nil
  } catch let error as EvaluationError {
    return error
  } catch {
    Issue.record("unexpected error \(error)")
    return nil
  }
}

@Suite("Evaluator: exact decimal arithmetic")
struct DecimalEvaluationTests {
  @Test(
    "results are exact and printed exactly",
    arguments: [
      ("0.1 + 0.2", "0.3"), ("0.1 + 0.2 == 0.3", "true"), ("1.10 * 3", "3.3"),
      ("1 / 3", "0.333333333333333333"), ("2 / 3", "0.666666666666666667"),
      ("10 / 4", "2.5"), ("7 / 7", "1"), ("-1 / 8", "-0.125"),
      ("0.000000000000000001 * 0.5", "0"), ("0.000000000000000003 * 0.5", "0.000000000000000002"),
      ("12.5% of 200", "25"), ("as_ratio(12.5%)", "0.125"), ("as_percent(0.125)", "12.5"),
      ("1200.50 EUR + 0.25 EUR", "{\"amount\":1200.75,\"currency\":\"EUR\"}"),
      ("500_000 CNY * 1.5", "{\"amount\":750000,\"currency\":\"CNY\"}"),
      ("10% of 1_000 CNY", "{\"amount\":100,\"currency\":\"CNY\"}"),
      ("300 CNY / 1_200 CNY", "0.25"), ("sum([0.1, 0.2, 0.3])", "0.6"),
      ("abs(-2.5)", "2.5"), ("-(3 - 5)", "2"),
    ])
  func exact(expression: String, expected: String) throws {
    #expect(try value("output let x = \(expression)", "x") == expected)
  }

  @Test(
    "rounding rules are documented and distinct",
    arguments: [
      ("round(2.5, 0)", "3"), ("round(-2.5, 0)", "-3"), ("round(2.45, 1)", "2.5"),
      ("round_half_even(2.5, 0)", "2"), ("round_half_even(3.5, 0)", "4"),
      ("round_half_even(2.45, 1)", "2.4"), ("floor(2.99, 0)", "2"), ("floor(-2.01, 0)", "-3"),
      ("ceil(2.01, 0)", "3"), ("round(1 / 3, 4)", "0.3333"), ("round(12.345%, 1)", "12.3"),
      ("round(1200.505 CNY, 2)", "{\"amount\":1200.51,\"currency\":\"CNY\"}"),
    ])
  func rounding(expression: String, expected: String) throws {
    #expect(try value("output let x = \(expression)", "x") == expected)
  }
}

@Suite("Evaluator: errors never crash")
struct EvaluationErrorTests {
  @Test("Int overflow names the declaration and the span")
  func intOverflow() throws {
    let error = try #require(failure("output let big = 9223372036854775807 + 1"))
    #expect(error.code.rawValue == "V4001")
    #expect(error.declaration == "big")
    #expect(error.message == "Int overflow in `9223372036854775807 + 1`")
    #expect(error.span.location.description == "1:18")
  }

  @Test("Decimal overflow")
  func decimalOverflow() throws {
    let error = try #require(failure("output let big = 100_000_000_000_000_000_000.0 * 2"))
    #expect(error.code.rawValue == "V4001")
    #expect(error.message == "decimal overflow in `100_000_000_000_000_000_000.0 * 2`")
  }

  @Test("division by zero from input data")
  func divisionByZero() throws {
    let error = try #require(
      failure(
        "input s { revenue: Decimal }\noutput let intensity = 10 / s.revenue",
        json: #"{"s": {"revenue": 0}}"#))
    #expect(error.code.rawValue == "V4002")
    #expect(error.declaration == "intensity")
    #expect(error.message == "division by zero in `10 / s.revenue`")
    #expect(error.description.hasPrefix("test.verdant:2:24: error: division by zero"))
  }

  @Test("currency mismatch between inputs is an evaluation error")
  func currencyMismatch() throws {
    let error = try #require(
      failure(
        "input s { a: Money, b: Money }\noutput let total = s.a + s.b",
        json:
          #"{"s": {"a": {"amount": 1, "currency": "CNY"}, "b": {"amount": 2, "currency": "EUR"}}}"#)
    )
    #expect(error.code.rawValue == "V4003")
    #expect(error.message == "cannot combine amounts in CNY and EUR in `s.a + s.b`")
  }

  @Test("min of an empty list")
  func emptyMinimum() throws {
    let error = try #require(
      failure("input s { xs: List<Int> }\noutput let m = min(s.xs)", json: #"{"s": {"xs": []}}"#))
    #expect(error.code.rawValue == "V4005")
  }

  @Test("values a requested output does not read are never computed")
  func laziness() throws {
    let source = """
      input s { d: Decimal }
      output let ratio = 1 / s.d
      rule safe: Decimal { when s.d > 0 => ratio  otherwise => 0 }
      """
    let result = try evaluateForTest(source, json: #"{"s": {"d": 0}}"#, outputs: ["safe"])
    #expect(result["safe"] == .decimal(.zero))
  }
}

@Suite("Evaluator: optionals, dates, functions")
struct EvaluationSemanticsTests {
  let source = """
    input s { audit: Date?, bonus: Decimal?, tags: Set<Text> }
    output let audited = s.audit is present
    output let bonus = s.bonus ?? 0
    output let next_audit = (s.audit ?? 2025-01-01) + 1 years
    output let raw = s.bonus
    output let tagged = s.tags contains "ISO 14001"
    """

  @Test("missing and null optionals are absent")
  func absent() throws {
    let result = try evaluateForTest(source, json: #"{"s": {"bonus": null, "tags": []}}"#)
    #expect(result["audited"] == .bool(false))
    #expect(result["bonus"] == .decimal(.zero))
    #expect(JSONWriter.string(result.json).contains(#""raw":null"#))
    #expect(result["next_audit"].map { "\($0)" } == "2026-01-01")
  }

  @Test("present optionals are used")
  func present() throws {
    let result = try evaluateForTest(
      source, json: #"{"s": {"audit": "2024-02-29", "bonus": 1.5, "tags": ["ISO 14001"]}}"#)
    #expect(result["audited"] == .bool(true))
    #expect(result["bonus"].map { "\($0)" } == "1.5")
    #expect(result["next_audit"].map { "\($0)" } == "2025-02-28")
    #expect(result["tagged"] == .bool(true))
  }

  @Test(
    "date arithmetic",
    arguments: [
      ("days_between(2025-01-01, 2025-03-01)", "59"),
      ("days_between(2025-03-01, 2025-01-01)", "-59"),
      ("years_between(2020-02-29, 2021-02-28)", "1"),
      ("years_between(2024-07-01, 2025-06-30)", "0"),
      ("years_between(2025-07-01, 2024-07-01)", "-1"), ("2024-01-31 + 1 months", "\"2024-02-29\""),
      ("2025-01-01 + 30 days", "\"2025-01-31\""), ("2025-01-01 - 2 weeks", "\"2024-12-18\""),
      ("year(2025-07-01) * 100 + month(2025-07-01)", "202507"), ("2025-01-01 < 2025-01-02", "true"),
    ])
  func dates(expression: String, expected: String) throws {
    #expect(try value("output let x = \(expression)", "x") == expected)
  }

  @Test("functions may be called inside their own arguments")
  func nestedCalls() throws {
    #expect(
      try value("fn twice(n: Int): Int = n * 2\noutput let x = twice(twice(3)) + twice(1)", "x")
        == "14")
  }

  @Test("quantifiers, filter, map and count")
  func collections() throws {
    let source = """
      output let xs = [3, 8, 1, 9]
      output let big = filter(xs, x => x > 2)
      output let doubled = map(xs, x => x * 2)
      output let anyBig = any x in xs: x > 8
      output let allPositive = all x in xs: x > 0
      output let nBig = count(xs, x => x > 2)
      output let lo = min(xs)
      output let hi = max(3, 7, 5)
      """
    let result = try evaluateForTest(source, json: "{}")
    let outputs = JSONWriter.string(result.json)
    #expect(
      outputs.contains(
        #""big":[3,8,9],"doubled":[6,16,2,18],"anyBig":true,"allPositive":true,"nBig":3,"lo":1,"hi":7"#
      ))
  }

  @Test(
    "lists concatenate with + and take keeps the first n elements",
    arguments: [
      (#"["a"] + ["b", "c"]"#, #"["a","b","c"]"#), (#"take(["a", "b", "c"], 2)"#, #"["a","b"]"#),
      (#"take(["a"], 5)"#, #"["a"]"#), (#"take(["a"], 0)"#, "[]"),
      ("take([1, 2] + [3], 3)", "[1,2,3]"),
    ])
  func listConcatenationAndTake(expression: String, expected: String) throws {
    #expect(try value("output let x = \(expression)", "x") == expected)
  }

  @Test("take of a negative count is an evaluation error naming the call")
  func negativeTake() throws {
    let error = try #require(
      failure(
        "input s { n: Int }\noutput let xs = take([1, 2], s.n)", json: #"{"s": {"n": -1}}"#))
    #expect(error.code.rawValue == "V4011")
    #expect(error.message == "`take` of -1 elements in `take([1, 2], s.n)`")
  }

  @Test("text compares by Unicode scalar values, not canonical equivalence")
  func textComparison() throws {
    #expect(try value("output let x = \"e\\u{301}\" == \"\\u{E9}\"", "x") == "false")
    #expect(try value("output let x = \"Z\" < \"a\"", "x") == "true")
    #expect(try value("output let x = \"绿色信贷\" contains \"信贷\"", "x") == "true")
  }
}

@Suite("Evaluator: parameters over time")
struct ParameterTests {
  let source = """
    param cap: Money {
      2024-01-01: 500_000 CNY
      2025-07-01: 800_000 CNY
    }
    output let c = cap
    """

  @Test(
    "the version in effect on the as-of date is used",
    arguments: [
      ("2024-01-01", "500000"), ("2025-06-30", "500000"), ("2025-07-01", "800000"),
      ("2025-07-02", "800000"), ("2030-01-01", "800000"),
    ])
  func aroundSwitchDates(asOf: String, amount: String) throws {
    let result = try evaluateForTest(source, json: "{}", asOf: asOf)
    #expect(
      result["c"]
        == .money(
          Money(
            amount: try ExactDecimal(parsing: amount), currency: try #require(Currency(code: "CNY"))
          )))
  }

  @Test("reading a parameter before its first date is an evaluation error")
  func beforeFirstDate() throws {
    let error = try #require(failure(source, asOf: "2023-12-31"))
    #expect(error.code.rawValue == "V4004")
    #expect(error.declaration == "cap")
    #expect(
      error.message
        == "parameter `cap` has no value on 2023-12-31: its first version starts on 2024-01-01")
    #expect(error.span.location.description == "1:7")
  }
}
