import Testing
import Verdant
import VerdantTestSupport

private let source = """
  enum Grade { A, B, C, D }
  input supplier {
    id: Text
    revenue: Money<CNY>
    emissions_tco2e: Decimal
    recycling: Percent
    violations: Int
    certifications: Set<Text>
    last_audit: Date?
    grade: Grade
  }
  output let intensity = supplier.emissions_tco2e / (supplier.revenue / 10_000 CNY)
  output let summary = supplier
  """

private let good = """
  {"supplier": {"id": "S-001", "revenue": {"amount": 12000000, "currency": "CNY"},
   "emissions_tco2e": 240, "recycling": 92.5, "violations": 0,
   "certifications": ["GB/T 19630", "GB/T 19630"], "last_audit": "2025-03-02", "grade": "B"}}
  """

@Suite("Inputs")
struct InputTests {
  @Test("JSON numbers are read exactly from their text")
  func exactNumbers() throws {
    let ruleset = try compileForTest(source)
    let json =
      #"{"supplier": {"id": "x", "revenue": {"amount": 0.1, "currency": "CNY"}, "emissions_tco2e": 0.30000000000000004, "recycling": "12.5%", "violations": 1, "certifications": [], "grade": "A"}}"#
    let inputs = try ruleset.inputs(json: Array(json.utf8))
    guard case .record(let record)? = inputs.value(of: "supplier", in: ruleset) else {
      Issue.record("no supplier record")
      return
    }
    #expect(record[field: "emissions_tco2e"].map { "\($0)" } == "0.30000000000000004")
    #expect(record[field: "recycling"].map { "\($0)" } == "12.5%")
    #expect(record[field: "revenue"].map { "\($0)" } == "0.1 CNY")
  }

  @Test("the documented JSON output encoding")
  func outputEncoding() throws {
    let result = try evaluateForTest(source, json: good, outputs: ["intensity", "summary"])
    #expect(
      JSONWriter.string(result.json["outputs"] ?? .null)
        == #"{"intensity":0.2,"summary":{"id":"S-001","revenue":{"amount":12000000,"currency":"CNY"},"emissions_tco2e":240,"recycling":92.5,"violations":0,"certifications":["GB/T 19630"],"last_audit":"2025-03-02","grade":"B"}}"#
    )
  }

  @Test("every input problem is listed with its JSON path")
  func allProblems() throws {
    let ruleset = try compileForTest(source)
    let bad = """
      {"supplier": {"id": 7, "revenue": {"amount": 1, "currency": "EUR"}, "emissions_tco2e": "lots",
       "recycling": 92, "certifications": ["a", 3], "last_audit": "2025-02-30", "grade": "E",
       "colour": "green"}, "suplier": {}}
      """
    #expect(throws: InputError.self) { try ruleset.inputs(json: Array(bad.utf8)) }
    do {
      _ = try ruleset.inputs(json: Array(bad.utf8))
    } catch {
      #expect(
        error.issues.map(\.description) == [
          "$.supplier.id: expected Text, found the number 7",
          "$.supplier.revenue: expected an amount in CNY, found EUR",
          "$.supplier.emissions_tco2e: expected Decimal, found the string \"lots\"",
          "$.supplier.violations: missing required field of type Int",
          "$.supplier.certifications[1]: expected Text, found the number 3",
          "$.supplier.last_audit: expected a date written YYYY-MM-DD, found \"2025-02-30\"",
          "$.supplier.grade: `E` is not a case of Grade (cases: A, B, C, D)",
          "$.supplier.colour: unknown field `colour`: supplier declares no such field",
          "$.suplier: unknown input `suplier`; did you mean `supplier`?",
        ])
    }
  }

  @Test("malformed JSON is reported with its position")
  func malformedJSON() throws {
    let ruleset = try compileForTest(source)
    do {
      _ = try ruleset.inputs(json: Array("{\"supplier\": {\"id\": }".utf8))
      Issue.record("accepted malformed JSON")
    } catch {
      #expect(error.issues.count == 1)
      #expect(error.issues[0].description.hasPrefix("$: invalid JSON: line 1, column 21"))
    }
  }

  struct Supplier: Encodable {
    let id: String
    let revenue: Money
    let emissions_tco2e: Double
    let recycling: ExactDecimal
    let violations: Int
    let certifications: [String]
    let last_audit: CivilDate?
    let grade: String
  }

  struct Inputs: Encodable { let supplier: Supplier }

  @Test("inputs from any Encodable value")
  func encodable() throws {
    let ruleset = try compileForTest(source)
    let supplier = Supplier(
      id: "S-001",
      revenue: Money(
        amount: ExactDecimal(12_000_000), currency: try #require(Currency(code: "CNY"))),
      emissions_tco2e: 240, recycling: try ExactDecimal(parsing: "92.5"), violations: 0,
      certifications: ["GB/T 19630"], last_audit: CivilDate(iso8601: "2025-03-02"), grade: "B")
    let result = try ruleset.evaluate(
      encoding: Inputs(supplier: supplier), asOf: try #require(CivilDate(iso8601: "2025-09-01")),
      outputs: ["intensity"])
    #expect(result["intensity"].map { "\($0)" } == "0.2")
  }

  @Test("inputs from [String: Value], validated against the declared types")
  func swiftValues() throws {
    let ruleset = try compileForTest(source)
    let type = try #require(ruleset.recordType(named: "supplier"))
    let cny = try #require(Currency(code: "CNY"))
    let record = try RecordValue(
      type: type,
      values: [
        "id": .text("S-9"), "revenue": .money(Money(amount: ExactDecimal(20_000), currency: cny)),
        "emissions_tco2e": .int(3), "recycling": .percent(ExactDecimal(50)), "violations": .int(0),
        "certifications": .list([.text("ISO 14001")]), "grade": .text("C"),
      ])
    let inputs = try ruleset.inputs(["supplier": .record(record)])
    let result = try ruleset.evaluate(
      inputs, asOf: try #require(CivilDate(iso8601: "2025-01-01")),
      outputs: try ruleset.outputs(named: ["intensity"]))
    #expect(result["intensity"].map { "\($0)" } == "1.5")

    #expect(throws: InputError.self) {
      try RecordValue(type: type, values: ["revenu": .int(1)])
    }
    let wrong = try RecordValue(type: type, values: ["id": .int(1)])
    do {
      _ = try ruleset.inputs(["supplier": .record(wrong)])
      Issue.record("accepted a wrong type")
    } catch {
      #expect(error.issues.first?.description == "$.supplier.id: expected Text, found 1")
    }
  }

  @Test("unknown output names are rejected with a suggestion")
  func unknownOutputs() throws {
    let ruleset = try compileForTest(source)
    #expect(throws: OutputSelectionError.self) { try ruleset.outputs(named: ["intensty"]) }
    do {
      _ = try ruleset.outputs(named: ["intensty"])
    } catch {
      #expect(error.description == "unknown output `intensty`; did you mean `intensity`?")
    }
  }
}

@Suite("Concurrency")
struct ConcurrencyTests {
  @Test("one compiled ruleset evaluated from many tasks gives identical results")
  func manyTasks() async throws {
    let ruleset = try compileForTest(
      """
      input s { n: Int, revenue: Money }
      param rate: Percent { 2024-01-01: 5%  2025-07-01: 7.5% }
      output let fee = rate of s.revenue
      rule band { when s.n >= 100 => "high"  when s.n >= 10 => "mid"  otherwise => "low" }
      """)
    let asOf = try #require(CivilDate(iso8601: "2025-09-01"))
    let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for round in 0..<2_000 {
        let n = round % 200
        group.addTask {
          let json =
            "{\"s\": {\"n\": \(n), \"revenue\": {\"amount\": \(n * 40_000), \"currency\": \"CNY\"}}}"
          let result = try ruleset.evaluate(json: Array(json.utf8), asOf: asOf)
          return (n, JSONWriter.string(result.json["outputs"] ?? .null))
        }
      }
      var collected: [(Int, String)] = []
      for try await item in group { collected.append(item) }
      return collected
    }
    #expect(results.count == 2_000)
    var byInput: [Int: Set<String>] = [:]
    for (n, output) in results { byInput[n, default: []].insert(output) }
    #expect(byInput.count == 200)
    #expect(byInput.values.allSatisfy { $0.count == 1 })
    #expect(byInput[150]?.first == #"{"fee":{"amount":450000,"currency":"CNY"},"band":"high"}"#)
    #expect(byInput[5]?.first == #"{"fee":{"amount":15000,"currency":"CNY"},"band":"low"}"#)
  }
}
