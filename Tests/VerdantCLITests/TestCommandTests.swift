import Foundation
import Testing
import VerdantTestSupport

private let passing = """
  test "grade B supplier earns a silver subsidy" {
    as of 2025-09-01
    given supplier = { revenue: 12_000_000 CNY, emissions_tco2e: 240, packaging_recycling_rate: 92%,
                       carbon_reduction: 12%, certifications: {"GB/T 19630"}, major_violations_3y: 0 }
    expect carbon_intensity == 0.2
    expect grade == B
    expect green_score.total == 70
    expect subsidy_tier == silver
  }
  """

private let failing = """
  test "violations cap the grade" {
    as of 2025-09-01
    given supplier = { revenue: 12_000_000 CNY, emissions_tco2e: 240, packaging_recycling_rate: 92%,
                       carbon_reduction: 12%, certifications: {}, major_violations_3y: 2 }
    expect grade == C
    expect green_score.reasons == ["NO_ORGANIC_CERTIFICATION"]
    expect cap == 900_000 CNY
  }

  test "a low recycling rate costs 25 points" {
    as of 2025-09-01
    given supplier = { revenue: 12_000_000 CNY, emissions_tco2e: 240, packaging_recycling_rate: 50%,
                       carbon_reduction: 0%, certifications: {"GB/T 19630"}, major_violations_3y: 0 }
    expect green_score.total == 45
    expect count(green_score.reasons) == 1
  }
  """

@Suite("verdant test")
struct TestCommandTests {
  @Test("a passing file: summary line and exit 0")
  func passes() throws {
    let directory = try CLIRunner.directory(
      with: ["rules/rating.verdant": Fixtures.rating, "rules/rating.test.verdant": passing])
    let result = try CLIRunner.run(["test", "rules"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "1 passed, 0 failed\n")
    #expect(result.stderr == "")
  }

  @Test("a failing file: one line per failure with expected and actual values, exit 1")
  func fails() throws {
    let directory = try CLIRunner.directory(
      with: ["rules/rating.verdant": Fixtures.rating, "rules/rating.test.verdant": failing])
    let result = try CLIRunner.run(["test", "rules/rating.test.verdant"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        rules/rating.test.verdant:5:10: test "violations cap the grade" failed: expected `grade` to be C, got D
        rules/rating.test.verdant:7:10: test "violations cap the grade" failed: expected `cap` to be 900000 CNY, got 800000 CNY
        1 passed, 1 failed

        """)
  }

  @Test("--coverage lists what no test exercised and the percentage covered")
  func coverage() throws {
    let directory = try CLIRunner.directory(
      with: ["rating.verdant": Fixtures.rating, "rating.test.verdant": passing])
    let result = try CLIRunner.run(["test", "--coverage", "."], in: directory)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        1 passed, 0 failed
        coverage: 5 of 18 branches, bins and rows exercised (27.8%)
        not exercised:
          rating.verdant:21:5: scorecard `green_score` characteristic `carbon_intensity` bin `0.3 ..< 0.6`
          rating.verdant:22:5: scorecard `green_score` characteristic `carbon_intensity` bin `0.6 ..< 1.0`
          rating.verdant:23:5: scorecard `green_score` characteristic `carbon_intensity` bin `>= 1.0`
          rating.verdant:27:5: scorecard `green_score` characteristic `packaging_recycling_rate` bin `60% ..< 90%`
          rating.verdant:28:5: scorecard `green_score` characteristic `packaging_recycling_rate` bin `< 60%`
          rating.verdant:32:5: scorecard `green_score` characteristic `certifications` bin otherwise
          rating.verdant:36:3: rule `grade` branch 1 (`supplier.major_violations_3y > 0`)
          rating.verdant:37:3: rule `grade` branch 2 (`green_score.total >= 85`)
          rating.verdant:39:3: rule `grade` branch 4 (`green_score.total >= 50`)
          rating.verdant:40:3: rule `grade` branch 5 (otherwise)
          rating.verdant:44:3: table `subsidy_tier` row 1 (`A | >= 20%`)
          rating.verdant:46:3: table `subsidy_tier` row 3 (`- | >= 5%`)
          rating.verdant:47:3: table `subsidy_tier` row 4 (`- | -`)

        """)
  }

  @Test("a test file with errors exits 1 with the diagnostics")
  func brokenTestFile() throws {
    let directory = try CLIRunner.directory(
      with: [
        "rating.verdant": Fixtures.rating,
        "rating.test.verdant": "test \"x\" {\n  as of 2025-09-01\n  given suplier = {}\n  expect grade == B\n}\n",
      ])
    let result = try CLIRunner.run(["test", "."], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("rating.test.verdant:3:9: error: `suplier` is not an input of the ruleset"))
    #expect(result.stderr.contains("= help: did you mean `supplier`?"))
    #expect(result.stderr.contains("rating.test.verdant:1:6: error: test \"x\" gives no value for input `supplier`"))
    #expect(result.stdout == "0 passed, 0 failed, 1 test file not run (errors above)\n")
  }

  @Test("no test files is an error")
  func noFiles() throws {
    let directory = try CLIRunner.directory(with: ["a.verdant": "output let x = 1"])
    let result = try CLIRunner.run(["test", "."], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr == "error: no *.test.verdant files under .\n")
  }
}

@Suite("verdant explain and eval --explain")
struct ExplainCommandTests {
  @Test("explain prints the readable explanation")
  func explain() throws {
    let directory = try CLIRunner.directory(
      with: ["rating.verdant": Fixtures.rating, "input.json": Fixtures.ratingInput])
    let result = try CLIRunner.run(
      ["explain", "rating.verdant", "--input", "input.json", "--as-of", "2025-09-01", "--output", "grade", "subsidy_tier"],
      in: directory)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        rating 1 as of 2025-09-01
        grade = B  ← branch 3 (green_score.total >= 60) with green_score.total = 70
        subsidy_tier = silver  ← row 2 (A, B | >= 10%) with grade = B, supplier.carbon_reduction = 12%

        """)
  }

  @Test("eval --explain adds the explanation to the JSON")
  func evalExplain() throws {
    let directory = try CLIRunner.directory(
      with: ["rating.verdant": Fixtures.rating, "input.json": Fixtures.ratingInput])
    let result = try CLIRunner.run(
      ["eval", "rating.verdant", "--input", "input.json", "--as-of", "2025-09-01", "--output", "grade", "--explain", "--compact"],
      in: directory)
    #expect(result.status == 0)
    #expect(
      result.stdout.hasSuffix(
        #""outputs":{"grade":"B"},"explanation":{"outputs":{"grade":{"kind":"rule","value":"B","decision":{"type":"branch","branch":3,"condition":"green_score.total >= 60","line":38},"reads":{"green_score.total":70},"parameters":[],"reasons":[],"standards":[]}},"parameters":[]}}"#
          + "\n"))
  }
}
