import Testing
import Verdant

/// The examples of docs/EMBEDDING.md, run against the shipped supplier ruleset, so the
/// documentation cannot drift from the API.
@Suite("Embedding guide examples")
struct EmbeddingExampleTests {
  static let rulesetPath: String = {
    let testFile = #filePath
    let root = testFile.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
      .joined(separator: "/")
    return root + "/rulesets/supplier-green-credit.verdant"
  }()

  static let inputJSON = """
    {"supplier": {"id": "S-001", "name": "Hangzhou Lüye Packaging Co.",
     "discharge_compliance_rate": 92.5, "solid_waste_disposal_rate": 90,
     "hazwaste_assessment": "basically_compliant", "boundary_noise_exceedance_dba": 0,
     "siting_redline_ok": true, "major_incident_3y": false, "refused_penalty": false,
     "responsible_person_detained": false, "transferred_to_police": false,
     "last_violation": "2021-05-10"}}
    """

  @Test("compile once, evaluate from JSON")
  func fromJSON() throws {
    let ruleset = try Ruleset.compile(contentsOfFile: Self.rulesetPath)
    #expect(ruleset.warnings.isEmpty)
    let asOf = try #require(CivilDate(iso8601: "2025-09-01"))
    let inputs = try ruleset.inputs(json: Array(Self.inputJSON.utf8))
    let result = try ruleset.evaluate(inputs, asOf: asOf)
    guard case .enumCase(let level)? = result["credit_level"] else {
      Issue.record("no credit level")
      return
    }
    #expect(level.name == "blue")
    #expect(result["score"]?.description == "93.2")
  }

  @Test("a reusable evaluator returns the selected outputs in order, call after call")
  func reusableEvaluator() throws {
    let ruleset = try Ruleset.compile(contentsOfFile: Self.rulesetPath)
    let asOf = try #require(CivilDate(iso8601: "2025-09-01"))
    let evaluator = ruleset.makeEvaluator(outputs: try ruleset.outputs(named: ["credit_level", "score"]))
    let inputs = try ruleset.inputs(json: Array(Self.inputJSON.utf8))
    for _ in 0..<3 {
      let values = try evaluator.evaluate(inputs, asOf: asOf)
      #expect(values.map(\.description) == ["blue", "93.2"])
    }
    #expect(evaluator.outputNames == ["credit_level", "score"])
  }

  struct Supplier: Encodable {
    let id: String
    let name: String
    let discharge_compliance_rate: ExactDecimal
    let solid_waste_disposal_rate: ExactDecimal
    let hazwaste_assessment: String
    let boundary_noise_exceedance_dba: ExactDecimal
    let siting_redline_ok: Bool
    let major_incident_3y: Bool
    let refused_penalty: Bool
    let responsible_person_detained: Bool
    let transferred_to_police: Bool
    let last_violation: CivilDate?
  }

  struct Inputs: Encodable { let supplier: Supplier }

  @Test("evaluate from Encodable values and from [String: Value], concurrently")
  func fromSwiftValues() async throws {
    let ruleset = try Ruleset.compile(contentsOfFile: Self.rulesetPath)
    let asOf = try #require(CivilDate(iso8601: "2025-09-01"))
    let supplier = Supplier(
      id: "S-003", name: "Ningbo Qingshan Paper", discharge_compliance_rate: ExactDecimal(80),
      solid_waste_disposal_rate: ExactDecimal(85), hazwaste_assessment: "compliant",
      boundary_noise_exceedance_dba: try ExactDecimal(parsing: "2.5"), siting_redline_ok: true,
      major_incident_3y: false, refused_penalty: false, responsible_person_detained: false,
      transferred_to_police: false, last_violation: nil)
    let encoded = try ruleset.evaluate(encoding: Inputs(supplier: supplier), asOf: asOf)
    #expect(encoded["credit_level"]?.description == "blue")
    #expect(encoded["score"]?.description == "83.7")

    let supplierType = try #require(ruleset.recordType(named: "supplier"))
    let record = try RecordValue(
      type: supplierType,
      values: [
        "id": .text("S-004"), "name": .text("Suzhou Huanyu"),
        "discharge_compliance_rate": .percent(ExactDecimal(99)),
        "solid_waste_disposal_rate": .percent(ExactDecimal(99)),
        "hazwaste_assessment": .text("compliant"), "boundary_noise_exceedance_dba": .int(0),
        "siting_redline_ok": .bool(true), "major_incident_3y": .bool(false),
        "refused_penalty": .bool(false), "responsible_person_detained": .bool(false),
        "transferred_to_police": .bool(false),
      ])
    let inputs = try ruleset.inputs(["supplier": .record(record)])
    let selection = try ruleset.outputs(named: ["credit_level", "score"])
    let result = try ruleset.evaluate(inputs, asOf: asOf, outputs: selection)
    #expect(result.outputs.map(\.name) == ["credit_level", "score"])
    #expect(result["credit_level"]?.description == "green")

    let batch = (0..<50).map { ("S-\($0)", Array(Self.inputJSON.utf8)) }
    let grades = try await withThrowingTaskGroup(of: (String, Value?).self) { group in
      for (id, json) in batch {
        group.addTask { (id, try ruleset.evaluate(json: json, asOf: asOf)["credit_level"]) }
      }
      var collected: [String: Value?] = [:]
      for try await (id, grade) in group { collected[id] = grade }
      return collected
    }
    #expect(grades.count == 50)
    #expect(grades.values.allSatisfy { $0?.description == "blue" })
  }
}
