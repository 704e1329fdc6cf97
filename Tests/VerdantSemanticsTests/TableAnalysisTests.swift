import Testing
import VerdantSemantics
import VerdantTestSupport

/// The diagnostics of a table over a grade and a percent column.
private func tableMessages(_ policy: String, _ rows: String) -> [String] {
  let source = """
    enum Grade { A, B, C }
    input s { g: Grade, p: Percent, certs: Set<Text> }
    output let x = t
    table t hit \(policy) {
      s.g | s.p => out
    \(rows)
    }
    """
  return diagnostics(of: source).map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
}

@Suite("Decision table analysis")
struct TableAnalysisTests {
  @Test("enum × interval gaps are named combination by combination")
  func gaps() {
    #expect(
      tableMessages("first", "A | >= 20% => 1\nA, B | >= 10% => 2\n- | >= 5% => 3")
        == ["4:7: error: no row covers s.p < 5%"])
    #expect(
      tableMessages("unique", "A | - => 1\nB | >= 10% => 2\nB | < 10% => 3")
        == ["4:7: error: no row covers s.g = C"])
  }

  @Test("the gap note lists further uncovered regions")
  func moreGaps() {
    let source = """
      enum Grade { A, B, C }
      input s { g: Grade, p: Percent }
      output let x = t
      table t hit unique {
        s.g | s.p => out
        A | - => 1
        B | >= 10% => 2
      }
      """
    let found = diagnostics(of: source)
    #expect(found.map(\.message) == ["no row covers s.g = C"])
    #expect(found.first?.notes.map(\.message) == ["also uncovered: s.g = B, s.p < 10%"])
  }

  @Test("a catch-all row makes a first-hit table complete")
  func catchAll() {
    #expect(tableMessages("first", "A | >= 20% => 1\n- | - => 0").isEmpty)
  }

  @Test("unique: overlapping rows are errors naming both rows and where they overlap")
  func uniqueOverlap() {
    #expect(
      tableMessages("unique", "A | >= 20% => 1\nA, B | >= 10% => 2\n- | < 10% => 3\nC | >= 10% => 4")
        == ["7:1: error: rows 1 and 2 both match when s.g = A, s.p >= 20%"])
  }

  @Test("unique: touching half-open intervals do not overlap")
  func halfOpen() {
    #expect(tableMessages("unique", "- | < 10% => 1\n- | 10% ..< 20% => 2\n- | >= 20% => 3").isEmpty)
    #expect(
      tableMessages("unique", "- | <= 10% => 1\n- | 10% ... 20% => 2\n- | > 20% => 3")
        == ["7:1: error: rows 1 and 2 both match when s.p = 10%"])
  }

  @Test("first: a row the rows above cover is a warning")
  func unreachable() {
    #expect(
      tableMessages("first", "- | >= 10% => 1\nA | >= 20% => 2\n- | - => 0")
        == ["7:1: warning: row 2 of table `t` can never apply: the rows above match everything it matches"])
  }

  @Test("any: overlapping rows must agree")
  func anyPolicy() {
    #expect(tableMessages("any", "A | - => 1\n- | >= 10% => 1\n- | - => 1").isEmpty)
    #expect(
      tableMessages("any", "A | - => 1\n- | >= 10% => 2\n- | - => 1")
        == [
          "7:1: error: rows 1 and 2 both match when s.g = A, s.p >= 10% but give different outputs",
          "8:1: error: rows 2 and 3 both match when s.p >= 10% but give different outputs",
        ])
  }

  @Test("collect policies need no completeness")
  func collect() {
    #expect(tableMessages("collect", "A | - => 1").isEmpty)
    #expect(tableMessages("collect sum", "A | - => 1\n- | >= 10% => 2").isEmpty)
  }

  @Test("unique with predicate cells: possible overlaps are left to evaluation")
  func predicateCells() {
    let source = """
      enum Grade { A, B, C }
      input s { g: Grade, certs: Set<Text> }
      output let x = t
      table t hit unique {
        s.g | s.certs => out
        A | contains "A" => 1
        A | - => 2
        B, C | - => 3
      }
      """
    // Rows 1 and 2 overlap only if the certifications contain "A", a fact the analysis does
    // not model; evaluation reports the overlap when it happens (see TableEvaluationTests).
    #expect(diagnostics(of: source).isEmpty)
  }

  @Test("shape errors: cell counts, output types, priority needs an enum")
  func shapes() {
    #expect(
      tableMessages("first", "A => 1\n- | - => 0")
        == ["6:1: error: this row has 1 cell, but table `t` has 2 input columns"])
    #expect(
      tableMessages("first", "A | - => 1\n- | - => \"x\"")
        == ["7:10: error: the values of output `out` have different types, Int and Text"])
    #expect(
      tableMessages("priority", "A | - => 1\n- | - => 2")
        == ["4:13: error: `hit priority` ranks rows by their output's enum order, but the first output of table `t` is Int"])
  }
}
