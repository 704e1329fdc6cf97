import Foundation
import Testing

private let clean = """
  ruleset "demo" version "1"
  input s { n: Int }
  rule band { when s.n > 10 => "high"  otherwise => "low" }
  """

private let withWarning = clean + "\nlet spare = 1\n"

private let broken = """
  ruleset "demo"
  input s { amount: Int }
  rule band {
    when s.amout > 10 => "high"
    otherwise => "low"
  }
  output let ratio: Int = s.amount / 2
  """

@Suite("verdant check")
struct CheckCommandTests {
  @Test("a clean ruleset exits 0 and prints nothing")
  func cleanRuleset() throws {
    let directory = try CLIRunner.directory(with: ["demo.verdant": clean])
    let result = try CLIRunner.run(["check", "demo.verdant"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr == "")
  }

  @Test("a test file is checked with the ruleset it tests, as verdant test runs it")
  func testFile() throws {
    let test = "test \"big\" {\n  as of 2025-01-01\n  given s = { n: 11 }\n  expect band == \"high\"\n}\n"
    let directory = try CLIRunner.directory(
      with: ["demo.verdant": clean, "demo.test.verdant": test])
    let result = try CLIRunner.run(["check", "demo.test.verdant"], in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let typo = test.replacingOccurrences(of: "band ==", with: "bnd ==")
    let broken = try CLIRunner.directory(with: ["demo.verdant": clean, "demo.test.verdant": typo])
    let failed = try CLIRunner.run(["check", "demo.test.verdant"], in: broken)
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("undeclared name `bnd`"))
  }

  @Test("warnings alone exit 0")
  func warningsOnly() throws {
    let directory = try CLIRunner.directory(with: ["demo.verdant": withWarning])
    let result = try CLIRunner.run(["check", "demo.verdant"], in: directory)
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        "demo.verdant:4:5: warning: `spare` is never used by another declaration"))
    #expect(result.stderr.hasSuffix("0 errors, 1 warning\n"))
  }

  @Test("errors exit 1 with every error rendered with its source line, caret and help")
  func errors() throws {
    let directory = try CLIRunner.directory(with: ["demo.verdant": broken])
    let result = try CLIRunner.run(["check", "demo.verdant"], in: directory)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        demo.verdant:4:10: error: s has no field `amout`
          |
        4 |   when s.amout > 10 => "high"
          |          ^^^^^
          = help: did you mean `amount`?

        demo.verdant:7:25: error: expected Int as the value of `ratio`, found Decimal
          |
        7 | output let ratio: Int = s.amount / 2
          |                         ^^^^^^^^^^^^
          = help: Decimal never narrows to Int implicitly; use `round(x, 0)` and keep a Decimal

        2 errors, 0 warnings

        """)
  }

  @Test("--format json prints machine-readable diagnostics")
  func json() throws {
    let directory = try CLIRunner.directory(with: ["demo.verdant": broken])
    let result = try CLIRunner.run(["check", "--format", "json", "demo.verdant"], in: directory)
    #expect(result.status == 1)
    let document =
      try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
    let diagnostics = try #require(document?["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 2)
    #expect(diagnostics[0]["code"] as? String == "V2003")
    #expect(diagnostics[0]["severity"] as? String == "error")
    #expect(diagnostics[0]["file"] as? String == "demo.verdant")
    #expect(diagnostics[0]["line"] as? Int == 4)
    #expect(diagnostics[0]["column"] as? Int == 10)
    #expect(diagnostics[0]["help"] as? String == "did you mean `amount`?")
    #expect(document?["errors"] as? Int == 2)
  }

  @Test("--format short and sarif")
  func otherFormats() throws {
    let directory = try CLIRunner.directory(with: ["demo.verdant": broken])
    let short = try CLIRunner.run(["check", "--format", "short", "demo.verdant"], in: directory)
    #expect(
      short.stderr.split(separator: "\n").first
        == "demo.verdant:4:10: error: s has no field `amout` [V2003]")
    let sarif = try CLIRunner.run(["check", "--format", "sarif", "demo.verdant"], in: directory)
    #expect(sarif.status == 1)
    #expect(sarif.stderr.contains("\"version\": \"2.1.0\""))
    #expect(sarif.stderr.contains("\"ruleId\": \"V2003\""))
  }

  @Test("several files: one bad file makes the run fail")
  func severalFiles() throws {
    let directory = try CLIRunner.directory(with: ["a.verdant": clean, "b.verdant": broken])
    let result = try CLIRunner.run(["check", "a.verdant", "b.verdant"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("b.verdant:4:10"))
    #expect(!result.stderr.contains("a.verdant:"))
  }

  @Test("a missing file is an error, not a crash")
  func missingFile() throws {
    let directory = try CLIRunner.directory(with: [:])
    let result = try CLIRunner.run(["check", "nope.verdant"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr == "error: cannot read nope.verdant: No such file or directory\n")
  }

  @Test("--types prints each declaration's type")
  func types() throws {
    let directory = try CLIRunner.directory(with: ["demo.verdant": clean])
    let result = try CLIRunner.run(["check", "--types", "demo.verdant"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "input s: s\nrule band: Text\n")
  }
}
