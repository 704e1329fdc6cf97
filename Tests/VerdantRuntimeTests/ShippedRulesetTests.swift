import Testing
import Verdant

/// Runs every `rulesets/**/*.test.verdant` and `examples/**/*.test.verdant` file, so
/// `swift test` (and CI) catches a broken ruleset or a failing ruleset test.
@Suite("Shipped rulesets")
struct ShippedRulesetTests {
  static let root: String = {
    #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
      .joined(separator: "/")
  }()

  static let testFiles = RulesetTestRunner.discover([root + "/rulesets", root + "/examples"])

  @Test("there are ruleset tests to run")
  func found() {
    #expect(!Self.testFiles.isEmpty)
  }

  @Test("every ruleset test passes", arguments: testFiles)
  func passes(file: String) {
    let report = RulesetTestRunner.run(file: file, catalogs: Ruleset.catalogLoader())
    #expect(
      !report.diagnostics.containsErrors, "\(ShortRenderer().render(report.diagnostics))")
    #expect(!report.cases.isEmpty, "\(file) has no tests")
    for testCase in report.cases {
      for failure in testCase.failures {
        Issue.record(
          "\(failure.span.file.path):\(failure.span.location): test \"\(testCase.name)\": \(failure.message)")
      }
    }
  }
}

@Suite("Shipped ruleset coverage")
struct ShippedCoverageTests {
  @Test("the shipped tests exercise every branch, bin and row of every shipped ruleset")
  func fullCoverage() {
    // As `verdant test rulesets --coverage` reports it: a point counts as covered when any
    // test file covers it (the lender's tests need not re-cover the rating it imports).
    var covered: [String: Bool] = [:]
    for file in RulesetTestRunner.discover([ShippedRulesetTests.root + "/rulesets"]) {
      for entry in RulesetTestRunner.run(file: file, catalogs: Ruleset.catalogLoader()).coverage {
        covered[entry.key] = (covered[entry.key] ?? false) || entry.covered
      }
    }
    #expect(covered.count >= 128)  // 128 when this test was written; a drop means lost files
    let missed = covered.filter { !$0.value }.keys.sorted()
    #expect(missed.isEmpty, "not exercised: \(missed)")
  }
}

@Suite("Shipped supplier registries")
struct ShippedSupplierRegistryTests {
  /// Rates a shipped registry file and returns each row's outputs (line numbers dropped, since
  /// the CSV has a header line and the JSON Lines file does not).
  func rate(_ file: String, format: BatchInputFormat) throws -> (
    header: [Substring], rows: [String], summary: BatchSummary
  ) {
    let ruleset = try Ruleset.compile(
      contentsOfFile: ShippedRulesetTests.root + "/rulesets/supplier-green-credit.verdant")
    let options = BatchOptions(
      inputFormat: format, outputFormat: .csv,
      outputs: try ruleset.outputs(named: ["credit_level", "score", "credit_repair"]),
      asOf: CivilDate(iso8601: "2026-03-01")!, errors: .fail)
    var bytes: [UInt8] = []
    let summary = try BatchRunner(ruleset: ruleset, options: options).run(
      try ByteReader(path: ShippedRulesetTests.root + "/examples/" + file),
      write: { bytes += $0 }, reject: { Issue.record("rejected: \($0)") })
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    let rows = lines.dropFirst().map { String($0.drop(while: { $0 != "," })) }
    return (lines.first?.split(separator: ",") ?? [], rows, summary)
  }

  @Test("suppliers.csv and suppliers.jsonl hold the same 1,000 suppliers and rate identically")
  func csvAndJSONLinesAgree() throws {
    let csv = try rate("suppliers.csv", format: .csv)
    let jsonl = try rate("suppliers.jsonl", format: .jsonl)
    #expect(csv.summary.rated == 1000)
    #expect(jsonl.summary.rated == 1000)
    #expect(csv.rows == jsonl.rows)
    // The generator is tuned to the real spread of Guangdong 2017 (FACTS.md §1.1: 2.45% red,
    // 10.00% yellow, 73.68% blue, 13.87% green); these are the counts of the seeded file.
    let column = try #require(csv.header.firstIndex(of: "credit_level"))
    var levels: [String: Int] = [:]
    var repairs: Set<String> = []
    for row in csv.rows {
      let cells = row.split(separator: ",", omittingEmptySubsequences: false)
      levels[String(cells[column]), default: 0] += 1
      repairs.insert(String(cells[column + 2]))
    }
    #expect(levels == ["green": 139, "blue": 742, "yellow": 102, "red": 17])
    #expect(repairs == ["not_needed", "waiting", "repaired", "barred"])
  }

  @Test("plain and explaining evaluations agree on every shipped supplier")
  func explainingAgrees() throws {
    // Plain evaluation tests simple bins on unboxed numbers; explaining evaluation runs every
    // bin's condition on the boxed value. Both must give the same results.
    let ruleset = try Ruleset.compile(
      contentsOfFile: ShippedRulesetTests.root + "/rulesets/supplier-green-credit.verdant")
    let asOf = try #require(CivilDate(iso8601: "2026-03-01"))
    let text = try FileSystem.readText(atPath: ShippedRulesetTests.root + "/examples/suppliers.jsonl")
    var compared = 0
    for line in text.split(separator: "\n") {
      let inputs = try ruleset.inputs(json: Array(#"{"supplier":"#.utf8) + Array(line.utf8) + [0x7D])
      let plain = try ruleset.evaluate(inputs, asOf: asOf)
      let explained = try ruleset.evaluate(inputs, asOf: asOf, explain: true)
      #expect(JSONWriter.string(plain.json["outputs"]!) == JSONWriter.string(explained.json["outputs"]!))
      compared += 1
    }
    #expect(compared == 1000)
  }
}
