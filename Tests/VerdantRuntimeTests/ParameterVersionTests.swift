import Testing
import Verdant
import VerdantTestSupport

/// Three versions, so every switch date is tested from both sides.
private let source = """
  param subsidy_rate: Percent {
    2023-01-01: 5%
    2024-07-01: 7.5%
    2025-07-01: 10%
  }
  param cap: Money<CNY> { 2024-01-01: 500_000 CNY }
  input s { revenue: Money<CNY> }
  output let subsidy = min(subsidy_rate of s.revenue, cap)
  """

@Suite("Parameters around every switch date")
struct ParameterVersionTests {
  func evaluate(_ date: String) throws -> EvaluationResult {
    let ruleset = try compileForTest(source)
    let inputs = try ruleset.inputs(
      json: Array(#"{"s": {"revenue": {"amount": 2000000, "currency": "CNY"}}}"#.utf8))
    return try ruleset.evaluate(
      inputs, asOf: try #require(CivilDate(iso8601: date)),
      outputs: try ruleset.outputs(named: ["subsidy_rate", "subsidy"]), explain: true)
  }

  @Test(
    "each version applies from its date up to the day before the next",
    arguments: [
      ("2024-01-01", "5", "2023-01-01", "100000"), ("2024-06-30", "5", "2023-01-01", "100000"),
      ("2024-07-01", "7.5", "2024-07-01", "150000"), ("2025-06-30", "7.5", "2024-07-01", "150000"),
      ("2025-07-01", "10", "2025-07-01", "200000"), ("2031-12-31", "10", "2025-07-01", "200000"),
    ])
  func versions(date: String, rate: String, version: String, subsidy: String) throws {
    let result = try evaluate(date)
    #expect(JSONWriter.string(result["subsidy_rate"]?.json ?? .null) == rate)
    #expect(JSONWriter.string(result["subsidy"]?.json ?? .null) == #"{"amount":\#(subsidy),"currency":"CNY"}"#)
    let explanation = try #require(result.explanation)
    guard case .parameter(let used)? = explanation["subsidy_rate"]?.decision else {
      Issue.record("no parameter decision")
      return
    }
    #expect(used.description == version)
    #expect(explanation["subsidy"]?.parameters.map { "\($0.name)@\($0.version)" } == ["subsidy_rate@\(version)", "cap@2024-01-01"])
    #expect(explanation.parameters.map { "\($0.name)@\($0.version)" } == ["cap@2024-01-01", "subsidy_rate@\(version)"])
  }

  @Test("the day before the first version is an evaluation error naming the parameter")
  func beforeFirst() throws {
    do {
      _ = try evaluate("2023-12-31")
      Issue.record("no error")
    } catch let error as EvaluationError {
      #expect(error.message == "parameter `cap` has no value on 2023-12-31: its first version starts on 2024-01-01")
      #expect(error.declaration == "cap")
    }
  }
}
