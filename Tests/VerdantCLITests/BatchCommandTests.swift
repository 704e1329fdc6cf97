import Foundation
import Testing

private let ruleset = """
  ruleset "batch" version "1"
  input supplier { id: Text, revenue: Money, emissions: Decimal, recycling: Percent }
  let intensity = supplier.emissions / (supplier.revenue / 10_000 CNY)
  rule grade {
    when intensity < 0.3 and supplier.recycling >= 90% => "A"
    otherwise => "B"
  }
  output let id: Text = supplier.id

  """

private let csv = """
  id,revenue,emissions,recycling
  S-1,12000000 CNY,240,92.5
  S-2,12000000 CNY,abc,50
  S-3,0 CNY,1,50
  S-4,1000000 CNY,240,95

  """

@Suite("verdant eval --input-csv / --input-jsonl")
struct BatchCommandTests {
  func run(_ arguments: [String], files: [String: String] = [:]) throws -> (CLIResult, URL) {
    let directory = try CLIRunner.directory(
      with: ["batch.verdant": ruleset, "suppliers.csv": csv].merging(files) { $1 })
    return (try CLIRunner.run(arguments, in: directory), directory)
  }

  @Test("--errors skip rates every good row, reports the bad ones and exits 2")
  func skip() throws {
    let (result, _) = try run([
      "eval", "batch.verdant", "--input-csv", "suppliers.csv", "--errors", "skip", "--format",
      "csv", "--output", "id", "grade",
    ])
    #expect(result.status == 2)
    #expect(result.stdout == "line,id,grade\n2,S-1,A\n5,S-4,B\n")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == "line 3: emissions: `abc` is not a Decimal")
    #expect(lines[1].hasPrefix("line 4: intensity at batch.verdant:3:17: division by zero in "))
    #expect(lines[2].hasPrefix("read 4 rows: 2 rated, 2 rejected in "))
  }

  @Test("--id writes an input field first, so rows can be matched without line numbers")
  func idColumn() throws {
    let (csvRun, _) = try run([
      "eval", "batch.verdant", "--input-csv", "suppliers.csv", "--errors", "skip", "--format",
      "csv", "--output", "grade", "--id", "id",
    ])
    #expect(csvRun.stdout == "line,id,grade\n2,S-1,A\n5,S-4,B\n")
    let (jsonRun, _) = try run(
      [
        "eval", "batch.verdant", "--input-jsonl", "rows.jsonl", "--output", "grade", "--id",
        "supplier.id",
      ],
      files: [
        "rows.jsonl": #"{"id": "S-9", "revenue": "1000000 CNY", "emissions": 10, "recycling": 95}"# + "\n"
      ])
    #expect(jsonRun.status == 0)
    #expect(jsonRun.stdout == #"{"line":1,"outputs":{"supplier.id":"S-9","grade":"A"}}"# + "\n")
  }

  @Test("an --id naming no input field is a usage error with a suggestion")
  func unknownIDField() throws {
    let (result, _) = try run([
      "eval", "batch.verdant", "--input-csv", "suppliers.csv", "--id", "idd",
    ])
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(result.stderr == "error: --id idd: supplier has no field `idd`; did you mean `id`?\n")
  }

  @Test("one row is summed up in the singular")
  func singleRow() throws {
    let (result, _) = try run(
      ["eval", "batch.verdant", "--input-csv", "one.csv", "--output", "grade"],
      files: ["one.csv": "id,revenue,emissions,recycling\nS-1,12000000 CNY,240,92.5\n"])
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("read 1 row: 1 rated, 0 rejected in "))
  }

  @Test("--errors fail (the default) stops at the first bad row with its exit code")
  func fail() throws {
    let (result, _) = try run([
      "eval", "batch.verdant", "--input-csv", "suppliers.csv", "--output", "grade",
    ])
    #expect(result.status == 2)
    #expect(result.stdout == #"{"line":2,"outputs":{"grade":"A"}}"# + "\n")
    #expect(result.stderr.contains("read 2 rows: 1 rated, 1 rejected in "))
    #expect(result.stderr.contains("stopped at line 3 (--errors fail)"))
  }

  @Test("a failed evaluation exits 3; --rejects writes rejected rows as JSON lines")
  func evaluationFailureAndRejectsFile() throws {
    let (result, directory) = try run(
      [
        "eval", "batch.verdant", "--input-jsonl", "rows.jsonl", "--errors", "skip",
        "--rejects", "rejected.jsonl", "--output", "grade",
      ],
      files: [
        "rows.jsonl": """
          {"id": "S-1", "revenue": "12000000 CNY", "emissions": 240, "recycling": 92.5}
          {"supplier": {"id": "S-3", "revenue": "0 CNY", "emissions": 1, "recycling": 50}}

          """
      ])
    #expect(result.status == 3)
    #expect(result.stdout == #"{"line":1,"outputs":{"grade":"A"}}"# + "\n")
    #expect(result.stderr.contains("rejected rows are in rejected.jsonl"))
    let rejects = try String(
      contentsOf: directory.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
    #expect(rejects.hasPrefix(#"{"line":2,"stage":"evaluation","problems":[{"path":"intensity at batch.verdant:3:17","message":"division by zero in "#))
    #expect(rejects.hasSuffix(#""record":"{\"supplier\": {\"id\": \"S-3\", \"revenue\": \"0 CNY\", \"emissions\": 1, \"recycling\": 50}}"}"# + "\n"))
  }

  @Test("a header that does not fit the inputs exits 2 before any row")
  func badHeader() throws {
    let (result, _) = try run(
      ["eval", "batch.verdant", "--input-csv", "bad.csv"],
      files: ["bad.csv": "id,revenu,emissions,recycling\nS-1,1 CNY,1,1\n"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        error: bad.csv: the CSV header does not match the ruleset's inputs:
          unknown column `revenu`; did you mean `revenue`?
          no column for the required field `revenue`

        """)
  }

  @Test("batch options are rejected without a batch input, and --explain needs JSON lines")
  func usageErrors() throws {
    let (format, _) = try run(["eval", "batch.verdant", "--input", "x.json", "--format", "csv"])
    #expect(format.status == 64)
    #expect(
      format.stderr.contains(
        "--format csv applies to --input-csv and --input-jsonl; with --input, use --format table"))
    let (rejects, _) = try run(["eval", "batch.verdant", "--input", "x.json", "--rejects", "r"])
    #expect(rejects.status == 64)
    #expect(rejects.stderr.contains("--rejects applies to --input-csv and --input-jsonl."))
    let (both, _) = try run([
      "eval", "batch.verdant", "--input", "x.json", "--input-csv", "suppliers.csv",
    ])
    #expect(both.status == 64)
    #expect(both.stderr.contains("Give exactly one of --input, --input-csv and --input-jsonl."))
    let (explain, _) = try run([
      "eval", "batch.verdant", "--input-csv", "suppliers.csv", "--explain", "--format", "table",
    ])
    #expect(explain.status == 64)
    #expect(explain.stderr.contains("--explain in a batch needs --format jsonl."))
  }

  @Test("a missing input file exits 2 and names it")
  func missingFile() throws {
    let (result, _) = try run(["eval", "batch.verdant", "--input-csv", "nope.csv"])
    #expect(result.status == 2)
    #expect(result.stderr == "error: cannot read nope.csv: No such file or directory\n")
  }
}
