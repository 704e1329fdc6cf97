import Foundation
import Testing
import Verdant
import VerdantTestSupport

/// Runs a batch over text written to a temporary file and collects what it produced.
private struct BatchRun {
  var output = ""
  var rejections: [BatchRejection] = []
  var summary: BatchSummary?

  init(
    _ text: String, format: BatchInputFormat, output: BatchOutputFormat = .jsonl,
    outputs: [String]? = ["grade", "subsidy_tier"], errors: BatchErrorPolicy = .skip,
    explain: Bool = false, workers: Int = 2, chunkSize: Int = 4, source: String = Fixtures.rating
  ) throws {
    let ruleset = try compileForTest(source)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("verdant-batch-\(UUID().uuidString)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let options = BatchOptions(
      inputFormat: format, outputFormat: output, outputs: try ruleset.outputs(named: outputs),
      asOf: CivilDate(iso8601: "2025-09-01")!, explain: explain, errors: errors,
      workers: workers, chunkSize: chunkSize)
    var bytes: [UInt8] = []
    var rejections: [BatchRejection] = []
    summary = try BatchRunner(ruleset: ruleset, options: options).run(
      try ByteReader(path: path), write: { bytes += $0 }, reject: { rejections.append($0) })
    self.output = String(decoding: bytes, as: UTF8.self)
    self.rejections = rejections
  }
}

private let header =
  "supplier.revenue,emissions_tco2e,packaging_recycling_rate,carbon_reduction,certifications,major_violations_3y\n"

/// Grade C (intensity 0.2 scores 30, recycling 25, no organic certificate: 55) with 6%
/// reduction: bronze.
private let bronze = "12000000 CNY,240,92%,6,ISO 14001,0\n"
/// Grade B (score 70) with 12% reduction: silver.
private let silver = "12000000 CNY,240,92,12,GB/T 19630,0\n"
/// A major violation: grade D, and no tier for 0% reduction.
private let none = "12000000 CNY,240,92,0,,1\n"

@Suite("Batch evaluation")
struct BatchRunnerTests {
  @Test("CSV rows are rated in input order across chunks and workers")
  func csvInOrder() throws {
    let rows = Array(repeating: [bronze, silver, none], count: 5).flatMap { $0 }
    let run = try BatchRun(header + rows.joined(), format: .csv, chunkSize: 4)
    let expected = rows.enumerated().map { index, row in
      let outputs =
        row == bronze ? #""grade":"C","subsidy_tier":"bronze""#
        : row == silver ? #""grade":"B","subsidy_tier":"silver""# : #""grade":"D","subsidy_tier":"none""#
      return #"{"line":\#(index + 2),"outputs":{\#(outputs)}}"#
    }
    #expect(run.output == expected.joined(separator: "\n") + "\n")
    #expect(run.summary?.read == 15)
    #expect(run.summary?.rated == 15)
    #expect(run.summary?.rejected == 0)
  }

  @Test("a thousand rows on two workers give the same results as one evaluation at a time")
  func parallelMatchesSequential() throws {
    var text = header
    for index in 0..<1000 {
      text += "\(1_000_000 + index * 997) CNY,\(index % 300),\(index % 100),\(index % 30),"
        + (index % 3 == 0 ? "GB/T 19630" : "") + ",\(index % 50 == 0 ? 1 : 0)\n"
    }
    let parallel = try BatchRun(text, format: .csv, output: .csv, workers: 2, chunkSize: 64)
    let sequential = try BatchRun(text, format: .csv, output: .csv, workers: 1, chunkSize: 1000)
    #expect(parallel.output == sequential.output)
    #expect(parallel.output.split(separator: "\n").count == 1001)
    #expect(parallel.output.hasPrefix("line,grade,subsidy_tier\n2,"))
  }

  @Test("bad rows are rejected with their line, column and reason; the rest are rated")
  func skipsBadRows() throws {
    let text =
      header + bronze + "12000000 CNY,abc,95,25,,0\n" + "\n" + "12000000 USD?,120,95,25,,zero\n"
      + silver
    let run = try BatchRun(text, format: .csv)
    #expect(
      run.output == """
        {"line":2,"outputs":{"grade":"C","subsidy_tier":"bronze"}}
        {"line":6,"outputs":{"grade":"B","subsidy_tier":"silver"}}

        """)
    #expect(run.rejections.map(\.line) == [3, 5])
    #expect(
      run.rejections.map(\.description) == [
        "line 3: emissions_tco2e: `abc` is not a Decimal",
        "line 5: supplier.revenue: `12000000 USD?` is not money (write 1200.50 CNY)\n"
          + "line 5: major_violations_3y: `zero` is not an Int",
      ])
    #expect(run.rejections[0].record == "12000000 CNY,abc,95,25,,0")
    #expect(run.summary?.description.hasPrefix("read 4 rows: 2 rated, 2 rejected in ") == true)
  }

  @Test("--errors fail stops at the first bad row, after writing the rows before it")
  func failStops() throws {
    let text = header + bronze + silver + "12000000 CNY,1,2,3,,x\n" + bronze + bronze
    let run = try BatchRun(text, format: .csv, errors: .fail, chunkSize: 8)
    #expect(
      run.output == """
        {"line":2,"outputs":{"grade":"C","subsidy_tier":"bronze"}}
        {"line":3,"outputs":{"grade":"B","subsidy_tier":"silver"}}

        """)
    #expect(run.summary?.read == 3)
    #expect(run.summary?.rated == 2)
    #expect(run.summary?.rejected == 1)
    #expect(run.summary?.stoppedAt?.line == 4)
    #expect(run.rejections.map(\.line) == [4])
  }

  @Test("a failed evaluation rejects the row with the error's code and place")
  func evaluationError() throws {
    let run = try BatchRun(header + "0 CNY,120,95,25,,0\n" + bronze, format: .csv)
    #expect(run.rejections.count == 1)
    let rejection = try #require(run.rejections.first)
    #expect(rejection.stage == .evaluation)
    #expect(rejection.problems.first?.path == "carbon_intensity at test.verdant:12:33")
    #expect(
      rejection.problems.first?.message
        == "division by zero in `supplier.emissions_tco2e / (supplier.revenue / 10_000 CNY)` [V4002]")
    #expect(run.summary?.rated == 1)
  }

  @Test("quoted CSV fields may hold commas, quotes and line breaks; line numbers stay right")
  func quotedFields() throws {
    let source = """
      ruleset "names"
      input supplier { name: Text, score: Int }
      rule band: Text { when supplier.score >= 50 => "high"  otherwise => "low" }
      output let label: Text = supplier.name

      """
    let text = "name,score\n\"Acme, \"\"Green\"\"\nLtd\",70\nPlain,10\n\"never closed,5\n"
    let run = try BatchRun(
      text, format: .csv, output: .csv, outputs: ["band", "label"], source: source)
    #expect(run.output == "line,band,label\n2,high,\"Acme, \"\"Green\"\"\nLtd\"\n4,low,Plain\n")
    #expect(run.rejections.map(\.description) == ["line 5: field 1: quoted field is never closed"])
  }

  @Test("a CSV header is checked before any row: unknown columns and missing fields")
  func headerProblems() throws {
    let text = "supplier.revenu,emissions_tco2e,packaging_recycling_rate,carbon_reduction,colour\n" + bronze
    #expect {
      _ = try BatchRun(text, format: .csv)
    } throws: { error in
      guard case BatchRunner.Failure.header(let header) = error else { return false }
      return header.issues.map(\.message) == [
        "unknown column `supplier.revenu`; did you mean `revenue`?",
        "unknown column `colour`",
        "no column for the required field `revenue`",
        "no column for the required field `certifications`",
        "no column for the required field `major_violations_3y`",
      ]
    }
  }

  @Test("JSON lines may be wrapped by input name or bare; bad lines are rejected")
  func jsonLines() throws {
    let bare = #"{"revenue": "12000000 CNY", "emissions_tco2e": 240, "packaging_recycling_rate": 92, "carbon_reduction": 12, "certifications": ["GB/T 19630"], "major_violations_3y": 0}"#
    let wrapped = Fixtures.ratingInput.replacingOccurrences(of: "\n", with: " ")
    let text = wrapped + "\n" + bare + "\n{\"supplier\": 3}\nnot json\n"
    let run = try BatchRun(text, format: .jsonl)
    #expect(
      run.output == """
        {"line":1,"outputs":{"grade":"B","subsidy_tier":"silver"}}
        {"line":2,"outputs":{"grade":"B","subsidy_tier":"silver"}}

        """)
    #expect(run.rejections.map(\.line) == [3, 4])
    #expect(run.rejections.first?.problems == [
      InputIssue(path: "$.supplier", message: "expected an object for input `supplier`")
    ])
    #expect(run.rejections.last?.problems.first?.message.hasPrefix("invalid JSON: ") == true)
  }

  @Test("--explain adds each row's explanation to its JSON line")
  func explainPerRow() throws {
    let run = try BatchRun(header + silver, format: .csv, outputs: ["grade"], explain: true)
    let line = try #require(run.output.split(separator: "\n").first)
    #expect(line.hasPrefix(#"{"line":2,"outputs":{"grade":"B"},"explanation":{"outputs":{"grade":{"kind":"rule","value":"B","decision":{"type":"branch","branch":3,"#))
  }

  @Test("table output aligns columns, counting Chinese characters as two columns")
  func tableOutput() throws {
    let source = """
      ruleset "labels"
      input supplier { name: Text }
      output let label: Text = supplier.name

      """
    let run = try BatchRun(
      "name\n环保诚信企业\nAcme\n", format: .csv, output: .table, outputs: ["label"], source: source)
    #expect(
      run.output == """
        line    label
        ------  ------------
        2       环保诚信企业
        3       Acme

        """)
  }

  @Test("an empty input writes only the header and counts nothing")
  func emptyInput() throws {
    let run = try BatchRun(header, format: .csv, output: .csv)
    #expect(run.output == "line,grade,subsidy_tier\n")
    #expect(run.summary?.read == 0)
  }
}
