import Testing
import VerdantSemantics
import VerdantTestSupport

/// Messages of the branch analysis for a rule over one input.
private func analysis(_ fields: String, _ branches: String) -> [String] {
  diagnostics(of: "enum Grade { A, B, C, D }\ninput s { \(fields) }\nrule r {\n\(branches)\n}")
    .filter { $0.code.rawValue == "V2009" || $0.code.rawValue == "V2010" }
    .map(\.message)
}

@Suite("Branch analysis")
struct BranchAnalysisTests {
  @Test("integer thresholds: the gap is printed half-open")
  func integerGap() {
    #expect(
      analysis("n: Int", "when s.n >= 85 => A\nwhen s.n >= 70 => B")
        == ["rule `r` does not cover every case: no branch matches when s.n < 70"])
  }

  @Test("whole numbers leave no gap between > 3 and <= 3")
  func integersComplete() {
    #expect(analysis("n: Int", "when s.n > 3 => A\nwhen s.n <= 3 => B").isEmpty)
  }

  @Test("decimals: x > 0.5 and x < 0.5 leave exactly 0.5 uncovered")
  func decimalPoint() {
    #expect(
      analysis("x: Decimal", "when s.x > 0.5 => A\nwhen s.x < 0.5 => B")
        == ["rule `r` does not cover every case: no branch matches when s.x = 0.5"])
  }

  @Test("percent intervals print as percents")
  func percentGap() {
    #expect(
      analysis("p: Percent", "when s.p >= 90% => A\nwhen s.p < 60% => C")
        == ["rule `r` does not cover every case: no branch matches when s.p in [60%, 90%)"])
  }

  @Test("dates print as dates")
  func dateGap() {
    #expect(
      analysis("d: Date", "when s.d >= 2025-07-01 => A")
        == ["rule `r` does not cover every case: no branch matches when s.d < 2025-07-01"])
  }

  @Test("enums: every case covered is complete; a missing case is named")
  func enums() {
    #expect(
      analysis("g: Grade", "when s.g == A => 1\nwhen s.g in {B, C} => 2\nwhen s.g == D => 3")
        .isEmpty)
    #expect(
      analysis("g: Grade", "when s.g <= B => 1\nwhen s.g == D => 3")
        == ["rule `r` does not cover every case: no branch matches when s.g = C"])
  }

  @Test("booleans: b and not b are complete")
  func booleans() {
    #expect(analysis("b: Bool", "when s.b => 1\nwhen not s.b => 2").isEmpty)
  }

  @Test("conditions on two subjects")
  func twoSubjects() {
    #expect(
      analysis("g: Grade, n: Int", "when s.g == A and s.n > 5 => 1\nwhen s.g != A => 2")
        == ["rule `r` does not cover every case: no branch matches when s.g = A, s.n < 6"])
  }

  @Test("a branch implied by the union of earlier ones is unreachable")
  func unionShadow() {
    #expect(
      analysis(
        "n: Int", "when s.n < 10 => 1\nwhen s.n >= 10 => 2\nwhen s.n == 3 => 3\notherwise => 4")
        == [
          "this branch of rule `r` can never fire",
          "`otherwise` in rule `r` can never fire: the branches above cover every case",
        ])
  }

  @Test("conditions the analysis cannot model are never reported unreachable")
  func opaqueConditions() {
    #expect(
      analysis(
        "t: Set<Text>", "when s.t contains \"a\" => 1\nwhen count(s.t) > 2 => 2\notherwise => 3"
      )
      .isEmpty)
  }

  @Test("repeating an opaque condition is still detected")
  func repeatedOpaque() {
    #expect(
      analysis(
        "t: Set<Text>", "when s.t contains \"a\" => 1\nwhen s.t contains \"a\" => 2\notherwise => 3"
      )
        == ["this branch of rule `r` can never fire"])
  }
}
