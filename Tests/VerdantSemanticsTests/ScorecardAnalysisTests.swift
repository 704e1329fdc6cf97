import Testing
import VerdantSemantics
import VerdantTestSupport

/// The diagnostics (short form, without the file) of a scorecard with one characteristic.
private func binMessages(_ type: String, _ bins: String) -> [String] {
  let source = """
    enum Grade { A, B, C, D }
    input s { v: \(type) }
    output let x = sc
    scorecard sc {
      characteristic s.v {
    \(bins)
      }
    }
    """
  return diagnostics(of: source).map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
}

@Suite("Scorecard bin analysis")
struct ScorecardAnalysisTests {
  @Test("an exact gap between half-open bins")
  func gap() {
    #expect(
      binMessages("Decimal", "< 0.3 => 30\n0.3 ..< 0.6 => 20\n0.7 ..< 1.0 => 10\n>= 1.0 => 0")
        == ["5:18: error: bins leave [0.6, 0.7) uncovered"])
  }

  @Test("closed versus open ends: a single uncovered point")
  func closedAndOpenEnds() {
    #expect(
      binMessages("Decimal", "< 0.5 => 1\n> 0.5 => 2") == ["5:18: error: bins leave 0.5 uncovered"])
    #expect(binMessages("Decimal", "<= 0.5 => 1\n> 0.5 => 2").isEmpty)
    #expect(
      binMessages("Decimal", "0 ... 1 => 1\n1 ..< 2 => 2\n< 0 => 0\n>= 2 => 3")
        == ["7:1: error: bins `0 ... 1` and `1 ..< 2` overlap on 1"])
  }

  @Test("an exact overlap between two ranges")
  func overlap() {
    #expect(
      binMessages("Decimal", "< 0.3 => 30\n0.3 ..< 0.7 => 20\n0.6 ..< 1.0 => 10\n>= 1.0 => 0")
        == ["8:1: error: bins `0.3 ..< 0.7` and `0.6 ..< 1.0` overlap on [0.6, 0.7)"])
  }

  @Test("percent bins report percents")
  func percent() {
    #expect(
      binMessages("Percent", ">= 90% => 25\n< 60% => 0") == ["5:18: error: bins leave [60%, 90%) uncovered"])
    #expect(binMessages("Percent", ">= 90% => 25\n60% ..< 90% => 15\n< 60% => 0").isEmpty)
  }

  @Test("date bins report dates, half-open")
  func dates() {
    #expect(
      binMessages("Date", "< 2025-01-01 => 1\n>= 2025-07-01 => 2")
        == ["5:18: error: bins leave [2025-01-01, 2025-07-01) uncovered"])
  }

  @Test("integer bins: whole numbers between bins")
  func integers() {
    #expect(binMessages("Int", "< 0 => 0\n0 ... 5 => 1\n> 5 => 2").isEmpty)
    #expect(binMessages("Int", "< 0 => 0\n0 ... 5 => 1\n> 6 => 2") == ["5:18: error: bins leave 6 uncovered"])
  }

  @Test("enum bins: missing cases are named")
  func enums() {
    #expect(binMessages("Grade", "A, B => 1\nD => 0") == ["5:18: error: bins leave C uncovered"])
    #expect(binMessages("Grade", "<= B => 1\n> B => 0").isEmpty)
  }

  @Test("unbounded gaps")
  func unbounded() {
    #expect(
      binMessages("Decimal", "0 ..< 1 => 1") == ["5:18: error: bins leave (-inf, 0) and [1, +inf) uncovered"])
  }

  @Test("otherwise closes the gap; an otherwise after complete bins is a warning")
  func otherwise() {
    #expect(binMessages("Decimal", "< 0.3 => 1\notherwise => 0").isEmpty)
    #expect(
      binMessages("Decimal", "< 0.3 => 1\n>= 0.3 => 2\notherwise => 0")
        == ["8:1: warning: `otherwise` can never apply: the bins above cover every value"])
  }

  @Test("predicate bins apply in order; an unreachable one is a warning")
  func predicates() {
    #expect(
      binMessages("Set<Text>", "contains \"a\" => 1\ncontains \"b\" => 2\notherwise => 0").isEmpty)
    #expect(
      binMessages("Set<Text>", "contains \"a\" => 1\ncontains \"a\" => 2\notherwise => 0")
        == ["7:1: warning: bin `contains \"a\"` can never apply: the bins before it cover all its values"])
    #expect(
      binMessages("Set<Text>", "contains \"a\" => 1")
        == ["5:18: error: bins leave values where `contains \"a\"` does not hold uncovered"])
  }

  @Test("a characteristic that needs a name; points must be constants")
  func namingAndConstants() {
    let found = diagnostics(
      of: "input s { a: Int, b: Int }\nscorecard sc {\n characteristic s.a + s.b { otherwise => s.a }\n}\noutput let x = sc")
    #expect(
      found.map(\.message) == [
        "cannot name the characteristic `s.a + s.b`",
      ])
    let points = diagnostics(
      of: "input s { a: Int }\nscorecard sc {\n characteristic s.a { otherwise => s.a }\n}\noutput let x = sc")
    #expect(points.map(\.message) == ["bin points must be a constant number"])
  }
}
