import Testing
import VerdantSyntax

private func parse(_ text: String) -> (RulesetSyntax, [Diagnostic]) {
  Parser.parse(SourceFile(path: "t.verdant", text: text))
}

@Suite("Parser: scorecards, tables and tests")
struct ParserScorecardTableTests {
  @Test("a scorecard with baseline, weights, aliases, interval and predicate bins")
  func scorecard() throws {
    let (syntax, diagnostics) = parse(
      """
      scorecard green_score {
        baseline 10
        characteristic carbon_intensity {
          < 0.3           => 30
          0.3 ..< 0.6     => 20
          0.6 ... 1.0     => 10
          > 1.0           => -5    reason "CARBON_INTENSITY_HIGH"
        }
        characteristic supplier.packaging_recycling_rate weight 0.4 {
          >= 90%          => 25
          otherwise       => 0     reason "PACKAGING_RECYCLING_LOW"
        }
        characteristic supplier.certifications as organic {
          contains "GB/T 19630" => 15
          in {"x"}              => 1
          otherwise             => 0
        }
      }
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    guard case .scorecard(let scorecard) = syntax.declarations.first?.kind else {
      Issue.record("not a scorecard")
      return
    }
    #expect(scorecard.baseline?.dump == "10")
    #expect(scorecard.characteristics.map(\.name) == ["carbon_intensity", "packaging_recycling_rate", "organic"])
    #expect(scorecard.characteristics[1].weight?.dump == "0.4")
    let bins = scorecard.characteristics[0].bins
    #expect(bins.map(\.condition.span.text) == ["< 0.3", "0.3 ..< 0.6", "0.6 ... 1.0", "> 1.0"])
    #expect(bins[3].points.dump == "(- 5)")
    #expect(bins[3].reason?.value == "CARBON_INTENSITY_HIGH")
    guard case .range(_, _, let closed) = bins[2].condition.kind else {
      Issue.record("not a range")
      return
    }
    #expect(closed)
    guard case .contains = scorecard.characteristics[2].bins[0].condition.kind,
      case .within = scorecard.characteristics[2].bins[1].condition.kind,
      case .otherwise = scorecard.characteristics[2].bins[2].condition.kind
    else {
      Issue.record("wrong predicate bins")
      return
    }
  }

  @Test("a decision table: header, cells of every kind, several outputs, reasons")
  func table() throws {
    let (syntax, diagnostics) = parse(
      """
      table subsidy: Subsidy hit collect sum {
        grade  | supplier.carbon_reduction | supplier.region => amount | note
        A      | >= 20%                    | -               => 100 CNY | "gold"
        A, B   | 10% ..< 20%               | in {"x", "y"}   => 50 CNY  | "silver"  because "mid"
        -      | != 5%                     | in CN-ZJ        => 10 CNY - 1 CNY | "pilot"
        -      | -                         | -               => 0 CNY   | "none"
      }
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    guard case .table(let table) = syntax.declarations.first?.kind else {
      Issue.record("not a table")
      return
    }
    #expect(table.hitPolicy == .collectAggregate(.sum))
    #expect(table.inputs.map(\.dump) == ["grade", "(. supplier carbon_reduction)", "(. supplier region)"])
    #expect(table.outputs.map(\.name) == ["amount", "note"])
    #expect(table.rows.count == 4)
    #expect(table.rows[1].cells.map(\.span.text) == ["A, B", "10% ..< 20%", "in {\"x\", \"y\"}"])
    #expect(table.rows[1].reason?.value == "mid")
    #expect(table.rows[2].outputs[0].dump == "(- (money 10 CNY) (money 1 CNY))")
    guard case .any = table.rows[3].cells[0].kind, case .values(let values) = table.rows[1].cells[0].kind
    else {
      Issue.record("wrong cells")
      return
    }
    #expect(values.map(\.dump) == ["A", "B"])
  }

  @Test("every hit policy parses", arguments: ["unique", "first", "priority", "any", "collect", "collect sum", "collect min", "collect max", "collect count"])
  func hitPolicies(policy: String) throws {
    let (syntax, diagnostics) = parse("table t hit \(policy) {\n x => y\n - => 1\n}")
    #expect(diagnostics.isEmpty)
    guard case .table(let table) = syntax.declarations.first?.kind else {
      Issue.record("not a table")
      return
    }
    #expect(table.hitPolicy.text == policy)
  }

  @Test("a row ends at its line break, so a leading minus starts a new row")
  func rowsAreLines() throws {
    let (syntax, diagnostics) = parse("table t hit first {\n x => y\n - => 1\n -5 ..< 0 => 2\n}")
    #expect(diagnostics.isEmpty)
    guard case .table(let table) = syntax.declarations.first?.kind else { return }
    #expect(table.rows.map { $0.outputs[0].dump } == ["1", "2"])
  }

  @Test("tests: as of, given, expect")
  func tests() throws {
    let (syntax, diagnostics) = parse(
      """
      test "grade B supplier" {
        as of 2025-09-01
        given supplier = { id: "S-001", certifications: {"GB/T 19630"},
                           last_audit: 2025-03-02 }
        expect carbon_intensity == 0.2
        expect grade == B
      }
      """)
    #expect(diagnostics.isEmpty)
    guard case .test(let test) = syntax.declarations.first?.kind else {
      Issue.record("not a test")
      return
    }
    #expect(test.name.value == "grade B supplier")
    #expect(test.asOf?.text == "2025-09-01")
    #expect(test.givens.map(\.input.name) == ["supplier"])
    #expect(test.expectations.map(\.dump) == ["(== carbon_intensity 0.2)", "(== grade B)"])
  }

  @Test(
    "table and scorecard syntax errors",
    arguments: [
      ("table t { x => y\n 1 => 2 }", "t.verdant:1:9: error: expected `hit` and a hit policy after the table name, found `{` [V1010]"),
      ("table t hit most { x => y\n 1 => 2 }", "t.verdant:1:13: error: expected a hit policy after `hit`, found `most` [V1010]"),
      ("scorecard s { characteristic x { < 1 => 1 2 } }", "t.verdant:1:43: error: expected the end of the bin, found `2` [V1010]"),
      ("scorecard s { weight 3 }", "t.verdant:1:15: error: expected `characteristic` or `baseline` in a scorecard, found `weight` [V1010]"),
      ("test \"t\" { given = 1 }", "t.verdant:1:18: error: expected a name after `given`, found `=` [V1010]"),
    ])
  func errors(text: String, expected: String) {
    #expect(parse(text).1.map(\.description).first == expected)
  }
}
