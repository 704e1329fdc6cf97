import Testing
import Verdant
import VerdantTestSupport

@Suite("Explanations")
struct ExplanationTests {
  func explained() throws -> EvaluationResult {
    let ruleset = try compileForTest(Fixtures.rating)
    let inputs = try ruleset.inputs(json: Array(Fixtures.ratingInput.utf8))
    return try ruleset.evaluate(
      inputs, asOf: try #require(CivilDate(iso8601: "2025-09-01")), explain: true)
  }

  @Test("no explanation unless asked for")
  func offByDefault() throws {
    let ruleset = try compileForTest(Fixtures.rating)
    let result = try ruleset.evaluate(
      try ruleset.inputs(json: Array(Fixtures.ratingInput.utf8)),
      asOf: try #require(CivilDate(iso8601: "2025-09-01")))
    #expect(result.explanation == nil)
    #expect(result.json["explanation"] == nil)
  }

  @Test("explanation JSON, field by field")
  func json() throws {
    let json = try explained().json
    let outputs = try #require(json["explanation"]?["outputs"])

    let grade = try #require(outputs["grade"])
    #expect(grade["kind"] == .string("rule"))
    #expect(grade["value"] == .string("B"))
    #expect(grade["decision"]?["type"] == .string("branch"))
    #expect(grade["decision"]?["branch"] == .number("3"))
    #expect(grade["decision"]?["condition"] == .string("green_score.total >= 60"))
    #expect(grade["decision"]?["line"] == .number("38"))
    #expect(grade["reads"] == .object(JSONObject([("green_score.total", .number("70"))])))
    #expect(grade["reasons"] == .array([]))

    let score = try #require(outputs["green_score"])
    #expect(score["kind"] == .string("scorecard"))
    #expect(score["decision"]?["baseline"] == .number("0"))
    guard case .array(let characteristics)? = score["decision"]?["characteristics"] else {
      Issue.record("no characteristics")
      return
    }
    #expect(characteristics.count == 3)
    #expect(characteristics[0]["name"] == .string("carbon_intensity"))
    #expect(characteristics[0]["value"] == .number("0.2"))
    #expect(characteristics[0]["bin"] == .string("< 0.3"))
    #expect(characteristics[0]["bin_number"] == .number("1"))
    #expect(characteristics[0]["points"] == .number("30"))
    #expect(characteristics[0]["maximum"] == .number("30"))
    #expect(characteristics[0]["reason"] == .null)
    #expect(characteristics[1]["value"] == .number("92"))
    #expect(characteristics[2]["bin"] == .string("contains \"GB/T 19630\""))

    let tier = try #require(outputs["subsidy_tier"])
    #expect(tier["value"] == .string("silver"))
    #expect(tier["decision"]?["hit_policy"] == .string("first"))
    guard case .array(let rows)? = tier["decision"]?["rows"] else {
      Issue.record("no rows")
      return
    }
    #expect(rows.count == 1)
    #expect(rows[0]["row"] == .number("2"))
    #expect(rows[0]["cells"] == .string("A, B | >= 10%"))
    #expect(rows[0]["output"] == .string("silver"))
    #expect(
      tier["reads"]
        == .object(JSONObject([("grade", .string("B")), ("supplier.carbon_reduction", .number("12"))])))

    let cap = try #require(outputs["cap"])
    #expect(
      cap["parameters"]
        == .array([
          .object(
            JSONObject([
              ("name", .string("subsidy_cap")), ("version", .string("2025-07-01")),
              ("value", .object(JSONObject([("amount", .number("800000")), ("currency", .string("CNY"))]))),
            ]))
        ]))
    #expect(json["explanation"]?["parameters"].map { JSONWriter.string($0) }
      == #"[{"name":"subsidy_cap","version":"2025-07-01","value":{"amount":800000,"currency":"CNY"}}]"#)
  }

  @Test("reasons flow into the explanation")
  func reasons() throws {
    let ruleset = try compileForTest(Fixtures.rating)
    let input = Fixtures.ratingInput.replacingOccurrences("\"major_violations_3y\": 0", "\"major_violations_3y\": 1")
      .replacingOccurrences("\"carbon_reduction\": 12", "\"carbon_reduction\": 6")
    let result = try ruleset.evaluate(
      try ruleset.inputs(json: Array(input.utf8)),
      asOf: try #require(CivilDate(iso8601: "2025-09-01")), explain: true)
    let explanation = try #require(result.explanation)
    #expect(explanation["grade"]?.reasons == ["major environmental violation in 3 years"])
    #expect(explanation["subsidy_tier"]?.reasons == ["provincial pilot"])
  }

  @Test("readable text")
  func text() throws {
    let explanation = try #require(try explained().explanation)
    #expect(
      ExplanationRenderer().render(explanation) == """
        carbon_intensity = 0.2  ← computed from supplier.emissions_tco2e = 240, supplier.revenue = 12000000 CNY
        green_score = total 70  ← baseline 0
            carbon_intensity = 0.2 in bin < 0.3 → 30 of 30 points
            packaging_recycling_rate = 92% in bin >= 90% → 25 of 25 points
            certifications = {"GB/T 19630"} in bin contains "GB/T 19630" → 15 of 15 points
        grade = B  ← branch 3 (green_score.total >= 60) with green_score.total = 70
        subsidy_tier = silver  ← row 2 (A, B | >= 10%) with grade = B, supplier.carbon_reduction = 12%
        cap = 800000 CNY  ← computed from subsidy_cap = 800000 CNY
            uses subsidy_cap = 800000 CNY (version of 2025-07-01)
        parameters used:
          subsidy_cap = 800000 CNY  (version of 2025-07-01)

        """)
  }

  @Test("explained and fast evaluations agree")
  func sameValues() throws {
    let ruleset = try compileForTest(Fixtures.rating)
    let inputs = try ruleset.inputs(json: Array(Fixtures.ratingInput.utf8))
    let date = try #require(CivilDate(iso8601: "2025-09-01"))
    let fast = try ruleset.evaluate(inputs, asOf: date)
    let slow = try ruleset.evaluate(inputs, asOf: date, explain: true)
    #expect(fast.json["outputs"] == slow.json["outputs"])
    #expect(fast.outputs.map(\.value) == slow.outputs.map(\.value))
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
