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

  /// examples/supplier-s001.json, the README's example supplier.
  static let inputJSON: String = {
    let path = rulesetPath.replacingOccurrences(
      of: "rulesets/supplier-green-credit.verdant", with: "examples/supplier-s001.json")
    return (try? FileSystem.readText(atPath: path)) ?? ""
  }()

  @Test("compile once, evaluate from JSON")
  func fromJSON() throws {
    let ruleset = try Ruleset.compile(contentsOfFile: Self.rulesetPath)
    #expect(ruleset.warnings.isEmpty)
    let asOf = try #require(CivilDate(iso8601: "2026-03-01"))
    let inputs = try ruleset.inputs(json: Array(Self.inputJSON.utf8))
    let result = try ruleset.evaluate(inputs, asOf: asOf)
    guard case .enumCase(let level)? = result["credit_level"] else {
      Issue.record("no credit level")
      return
    }
    #expect(level.name == "blue")
    #expect(result["score"]?.description == "93.49")
  }

  @Test("a reusable evaluator returns the selected outputs in order, call after call")
  func reusableEvaluator() throws {
    let ruleset = try Ruleset.compile(contentsOfFile: Self.rulesetPath)
    let asOf = try #require(CivilDate(iso8601: "2026-03-01"))
    let evaluator = ruleset.makeEvaluator(outputs: try ruleset.outputs(named: ["credit_level", "score"]))
    let inputs = try ruleset.inputs(json: Array(Self.inputJSON.utf8))
    for _ in 0..<3 {
      let values = try evaluator.evaluate(inputs, asOf: asOf)
      #expect(values.map(\.description) == ["blue", "93.49"])
    }
    #expect(evaluator.outputNames == ["credit_level", "score"])
  }

  struct Supplier: Encodable {
    let id: String
    let name: String
    let region: String
    let sector: String
    let revenue: Money
    let emissions_tco2e: ExactDecimal
    let energy_tce: ExactDecimal
    let packaging_recycling_rate: ExactDecimal
    let discharge_compliance_rate: ExactDecimal
    let solid_waste_disposal_rate: ExactDecimal
    let hazwaste_assessment: String
    let boundary_noise_exceedance_dba: ExactDecimal
    let siting_redline_ok: Bool
    let certifications: [String]
    let green_factory: String
    let disclosure: String
    let violations_3y: Int
    let penalties_3y: Money
    let major_incident_3y: Bool
    let refused_penalty: Bool
    let responsible_person_detained: Bool
    let transferred_to_police: Bool
    let last_violation: CivilDate?
    let rectified_on: CivilDate?
  }

  struct Inputs: Encodable { let supplier: Supplier }

  @Test("evaluate from Encodable values and from [String: Value], concurrently")
  func fromSwiftValues() async throws {
    let ruleset = try Ruleset.compile(contentsOfFile: Self.rulesetPath)
    let asOf = try #require(CivilDate(iso8601: "2026-03-01"))
    let cny = try #require(Currency(code: "CNY"))
    let supplier = Supplier(
      id: "S-003", name: "Ningbo Qingshan Paper", region: "CN-33", sector: "packaging",
      revenue: Money(amount: ExactDecimal(50_000_000), currency: cny),
      emissions_tco2e: ExactDecimal(2_250), energy_tce: ExactDecimal(400),
      packaging_recycling_rate: ExactDecimal(85), discharge_compliance_rate: ExactDecimal(80),
      solid_waste_disposal_rate: ExactDecimal(96), hazwaste_assessment: "compliant",
      boundary_noise_exceedance_dba: try ExactDecimal(parsing: "2.5"), siting_redline_ok: true,
      certifications: ["ISO 14001"], green_factory: "municipal", disclosure: "awareness",
      violations_3y: 0, penalties_3y: Money(amount: ExactDecimal(0), currency: cny),
      major_incident_3y: false, refused_penalty: false, responsible_person_detained: false,
      transferred_to_police: false, last_violation: nil, rectified_on: nil)
    let encoded = try ruleset.evaluate(encoding: Inputs(supplier: supplier), asOf: asOf)
    // Carbon intensity 0.45 (band 2), energy intensity 0.08 (band 1); see the scorecard.
    #expect(encoded["credit_level"]?.description == "blue")
    #expect(encoded["score"]?.description == "84.46")

    let supplierType = try #require(ruleset.recordType(named: "supplier"))
    let record = try RecordValue(
      type: supplierType,
      values: [
        "id": .text("S-004"), "name": .text("Suzhou Huanyu"), "region": .text("CN-3205"),
        "sector": .text("manufacturing"),
        "revenue": .money(Money(amount: ExactDecimal(10_000_000), currency: cny)),
        "emissions_tco2e": .int(250), "energy_tce": .int(80),
        "packaging_recycling_rate": .percent(ExactDecimal(95)),
        "discharge_compliance_rate": .percent(ExactDecimal(99)),
        "solid_waste_disposal_rate": .percent(ExactDecimal(99)),
        "hazwaste_assessment": .text("compliant"), "boundary_noise_exceedance_dba": .int(0),
        "siting_redline_ok": .bool(true), "certifications": .set([.text("ISO 14001")]),
        "green_factory": .text("national"), "disclosure": .text("leadership"),
        "violations_3y": .int(0),
        "penalties_3y": .money(Money(amount: ExactDecimal(0), currency: cny)),
        "major_incident_3y": .bool(false), "refused_penalty": .bool(false),
        "responsible_person_detained": .bool(false), "transferred_to_police": .bool(false),
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
