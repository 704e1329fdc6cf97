import Foundation
import Testing

private let ruleset = """
  ruleset "demo" version "2025.1"
  input supplier { revenue: Money, emissions: Decimal, recycling: Percent, audit: Date? }
  param cap: Money { 2024-01-01: 500_000 CNY  2025-07-01: 800_000 CNY }
  let intensity = supplier.emissions / (supplier.revenue / 10_000 CNY)
  rule grade {
    when intensity < 0.3 and supplier.recycling >= 90% => "A"
    otherwise => "B"
  }
  output let limit = cap
  output let audited = supplier.audit
  """

private let input = """
  {"supplier": {"revenue": {"amount": 12000000, "currency": "CNY"}, "emissions": 240,
   "recycling": 92.5, "audit": null}}
  """

@Suite("verdant eval")
struct EvalCommandTests {
  func run(_ arguments: [String], files: [String: String]? = nil) throws -> CLIResult {
    let directory = try CLIRunner.directory(
      with: files ?? ["demo.verdant": ruleset, "input.json": input])
    return try CLIRunner.run(arguments, in: directory)
  }

  @Test("prints ruleset, version, hash, as-of date and every let and rule")
  func success() throws {
    let result = try run([
      "eval", "demo.verdant", "--input", "input.json", "--as-of", "2025-09-01", "--compact",
    ])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let hash = try #require(result.stdout.firstMatch(of: /"hash":"(sha256:[0-9a-f]{64})"/)?.1)
    #expect(
      result.stdout == """
        {"ruleset":"demo","version":"2025.1","hash":"\(hash)","as_of":"2025-09-01","outputs":{"intensity":0.2,"grade":"A","limit":{"amount":800000,"currency":"CNY"},"audited":null}}

        """)
  }

  @Test("--format table prints one name and value per line for people")
  func table() throws {
    let result = try run([
      "eval", "demo.verdant", "--input", "input.json", "--as-of", "2025-09-01", "--format", "table",
    ])
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        demo 2025.1 as of 2025-09-01
        intensity  0.2
        grade      A
        limit      800000 CNY
        audited

        """)
  }

  @Test("--output narrows the outputs; --as-of selects parameter versions")
  func outputsAndAsOf() throws {
    let result = try run([
      "eval", "demo.verdant", "--input", "input.json", "--as-of", "2025-06-30", "--output", "limit",
      "--compact",
    ])
    #expect(result.status == 0)
    #expect(
      result.stdout.hasSuffix(#""outputs":{"limit":{"amount":500000,"currency":"CNY"}}}"# + "\n"))
  }

  @Test("bad input exits 2 and lists every problem with its JSON path")
  func badInput() throws {
    let bad = #"{"supplier": {"revenue": 12, "emissions": "x", "audit": "2025-13-01"}}"#
    let result = try run(
      ["eval", "demo.verdant", "--input", "bad.json"],
      files: ["demo.verdant": ruleset, "bad.json": bad])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        error: invalid input in bad.json:
          $.supplier.revenue: expected Money as {"amount": …, "currency": "CNY"}, found the number 12
          $.supplier.emissions: expected Decimal, found the string "x"
          $.supplier.recycling: missing required field of type Percent
          $.supplier.audit: expected a date written YYYY-MM-DD, found "2025-13-01"

        """)
  }

  @Test("a missing input file exits 2")
  func missingInput() throws {
    let result = try run(["eval", "demo.verdant", "--input", "missing.json"])
    #expect(result.status == 2)
    #expect(result.stderr == "error: cannot read missing.json: No such file or directory\n")
  }

  @Test("an evaluation error exits 3 and names the place")
  func evaluationError() throws {
    let zero =
      #"{"supplier": {"revenue": {"amount": 0, "currency": "CNY"}, "emissions": 1, "recycling": 1}}"#
    let result = try run(
      ["eval", "demo.verdant", "--input", "zero.json", "--as-of", "2025-09-01"],
      files: ["demo.verdant": ruleset, "zero.json": zero])
    #expect(result.status == 3)
    #expect(
      result.stderr.hasPrefix(
        "demo.verdant:4:17: error: division by zero in `supplier.emissions / (supplier.revenue / 10_000 CNY)` (while evaluating `intensity`)"
      ))
  }

  @Test("a parameter read before its first date exits 3")
  func parameterTooEarly() throws {
    let result = try run(["eval", "demo.verdant", "--input", "input.json", "--as-of", "2023-01-01"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("parameter `cap` has no value on 2023-01-01"))
  }

  @Test("a ruleset with errors exits 1")
  func rulesetErrors() throws {
    let result = try run(
      ["eval", "bad.verdant", "--input", "input.json"],
      files: ["bad.verdant": "output let x = nope", "input.json": "{}"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("bad.verdant:1:16: error: undeclared name `nope`"))
  }

  @Test("usage errors keep ArgumentParser's exit code")
  func usageErrors() throws {
    let badDate = try run([
      "eval", "demo.verdant", "--input", "input.json", "--as-of", "2025-02-30",
    ])
    #expect(badDate.status == 64)
    let badOutput = try run(["eval", "demo.verdant", "--input", "input.json", "--output", "grad"])
    #expect(badOutput.status == 64)
    #expect(badOutput.stderr == "error: unknown output `grad`; did you mean `grade`?\n")
  }
}
