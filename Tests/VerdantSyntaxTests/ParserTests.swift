import Testing
import VerdantSyntax

private func parse(_ text: String) -> (RulesetSyntax, [Diagnostic]) {
  Parser.parse(SourceFile(path: "t.verdant", text: text))
}

/// Parses `let x = EXPR` and returns the expression's prefix dump.
private func expression(_ text: String) -> String {
  let (syntax, diagnostics) = parse("let x = \(text)")
  #expect(diagnostics.isEmpty, "\(diagnostics)")
  guard case .value(let letDecl)? = syntax.declarations.first?.kind else { return "<none>" }
  return letDecl.value.dump
}

@Suite("Parser: declarations")
struct ParserDeclarationTests {
  @Test("ruleset header with version, authority and effective date")
  func header() throws {
    let (syntax, diagnostics) = parse(
      """
      /// The supplier rating.
      ruleset "supplier-green-credit" version "2025.2"
        authority "Provincial Department of Ecology and Environment"
        effective 2025-01-01
      """)
    #expect(diagnostics.isEmpty)
    let header = try #require(syntax.header)
    #expect(header.name.value == "supplier-green-credit")
    #expect(header.version?.value == "2025.2")
    #expect(header.authority?.value == "Provincial Department of Ecology and Environment")
    #expect(header.effective?.text == "2025-01-01")
    #expect(header.doc == "The supplier rating.")
  }

  @Test("enum with doc comment, cases by commas or lines")
  func enumeration() throws {
    let (syntax, diagnostics) = parse("/// Grades.\nenum Grade { A, B\n C\n D }")
    #expect(diagnostics.isEmpty)
    let declaration = try #require(syntax.declarations.first)
    #expect(declaration.doc == "Grades.")
    guard case .enumeration(let enumDecl) = declaration.kind else {
      Issue.record("not an enum")
      return
    }
    #expect(enumDecl.name.name == "Grade")
    #expect(enumDecl.cases.map(\.name) == ["A", "B", "C", "D"])
  }

  @Test("input and record with field types, optionals and generics")
  func records() throws {
    let (syntax, diagnostics) = parse(
      """
      input supplier {
        id: Text
        revenue: Money<CNY>
        certifications: Set<Text>
        /// Last audit date.
        last_audit: Date?
      }
      record Address { city: Text, zip: Text? }
      """)
    #expect(diagnostics.isEmpty)
    guard case .input(let input) = syntax.declarations[0].kind,
      case .record(let record) = syntax.declarations[1].kind
    else {
      Issue.record("wrong declaration kinds")
      return
    }
    #expect(input.fields.map(\.name.name) == ["id", "revenue", "certifications", "last_audit"])
    #expect(input.fields[3].doc == "Last audit date.")
    guard case .optional = input.fields[3].type.kind else {
      Issue.record("last_audit is not optional")
      return
    }
    #expect(input.fields[1].type.span.text == "Money<CNY>")
    #expect(record.fields.map(\.name.name) == ["city", "zip"])
  }

  @Test("let with and without a type, and output let")
  func lets() {
    let (syntax, diagnostics) = parse("let a: Decimal = 1\nlet b = a * 2\noutput let c = b")
    #expect(diagnostics.isEmpty)
    let lets = syntax.declarations.compactMap { declaration -> LetDeclaration? in
      if case .value(let letDecl) = declaration.kind { return letDecl }
      return nil
    }
    #expect(lets.map(\.name.name) == ["a", "b", "c"])
    #expect(lets[0].type?.span.text == "Decimal")
    #expect(lets[1].type == nil)
    #expect(lets.map(\.isOutput) == [false, false, true])
  }

  @Test("param with dated versions")
  func params() {
    let (syntax, diagnostics) = parse(
      """
      param subsidy_cap: Money {
        2024-01-01: 500_000 CNY
        2025-07-01: 800_000 CNY     // from this date on
      }
      """)
    #expect(diagnostics.isEmpty)
    guard case .parameter(let param) = syntax.declarations[0].kind else {
      Issue.record("not a param")
      return
    }
    #expect(param.versions.map(\.date.text) == ["2024-01-01", "2025-07-01"])
    #expect(param.versions.map(\.value.dump) == ["(money 500000 CNY)", "(money 800000 CNY)"])
  }

  @Test("fn, import and rule")
  func functionsImportsRules() {
    let (syntax, diagnostics) = parse(
      """
      import "common.verdant"
      fn ratio(a: Decimal, b: Decimal): Decimal = a / b
      rule grade: Grade {
        when supplier.major_violations_3y > 0 => D because "major environmental violation"
        when green_score >= 85 => A
        otherwise => C
      }
      """)
    #expect(diagnostics.isEmpty)
    guard case .importFile(let importDecl) = syntax.declarations[0].kind,
      case .function(let function) = syntax.declarations[1].kind,
      case .rule(let rule) = syntax.declarations[2].kind
    else {
      Issue.record("wrong declaration kinds")
      return
    }
    #expect(importDecl.path.value == "common.verdant")
    #expect(function.parameters.map(\.name.name) == ["a", "b"])
    #expect(function.body.dump == "(/ a b)")
    #expect(rule.branches.count == 3)
    #expect(rule.branches[0].reason?.value == "major environmental violation")
    #expect(rule.branches[0].condition?.dump == "(> (. supplier major_violations_3y) 0)")
    #expect(rule.branches[2].isOtherwise)
    #expect(rule.branches[2].value.dump == "C")
  }

  @Test("every node keeps its source span")
  func spans() throws {
    let (syntax, _) = parse("let total = base + 12.5% of revenue")
    guard case .value(let letDecl) = syntax.declarations[0].kind,
      case .binary(_, let lhs, let rhs) = letDecl.value.kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(letDecl.name.span.text == "total")
    #expect(letDecl.value.span.text == "base + 12.5% of revenue")
    #expect(lhs.span.text == "base")
    #expect(rhs.span.text == "12.5% of revenue")
    #expect(rhs.span.location.description == "1:20")
  }
}

@Suite("Parser: expressions")
struct ParserExpressionTests {
  @Test(
    "precedence and grouping",
    arguments: [
      ("1 + 2 * 3", "(+ 1 (* 2 3))"),
      ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
      ("a - b - c", "(- (- a b) c)"),
      ("a / b * c", "(* (/ a b) c)"),
      ("-a + b", "(+ (- a) b)"),
      ("a or b and c", "(or a (and b c))"),
      ("not a and b", "(and (not a) b)"),
      ("a < b and c >= d", "(and (< a b) (>= c d))"),
      ("x ?? 0 + 1", "(?? x (+ 0 1))"),
      ("x ?? y ?? 0", "(?? x (?? y 0))"),
      ("a ?? 0 > 5", "(> (?? a 0) 5)"),
      ("12.5% of m * 2", "(* (of 12.5% m) 2)"),
      ("x is present and x > 1", "(and (present x) (> x 1))"),
      ("x is not present", "(absent x)"),
      ("grade in {A, B}", "(in grade {A B})"),
      ("certs contains \"ISO 14001\"", "(contains certs \"ISO 14001\")"),
      ("r in CN-ZJ", "(in r (region CN-ZJ))"),
      ("if a then 1 else 2", "(if a 1 2)"),
      ("s.last_audit?.year", "(?. (. s last_audit) year)"),
      ("table[\"apple\"].mrl", "(. (index table \"apple\") mrl)"),
    ])
  func precedence(text: String, expected: String) {
    #expect(expression(text) == expected)
  }

  @Test(
    "literals of every type",
    arguments: [
      ("true", "true"), ("42", "42"), ("1_000_000", "1000000"), ("0.35", "0.35"),
      ("12.5%", "12.5%"), ("500_000 CNY", "(money 500000 CNY)"),
      ("1200.50 EUR", "(money 1200.50 EUR)"),
      ("\"GB/T 19630\"", "\"GB/T 19630\""), ("2025-07-01", "(date 2025-07-01)"),
      ("30 days", "(duration 30 days)"), ("3 years", "(duration 3 years)"),
      ("[1, 2]", "[1 2]"), ("{\"a\", \"b\"}", "{\"a\" \"b\"}"), ("{}", "{}"),
      ("{ id: \"S-1\", n: 2 }", "{id: \"S-1\", n: 2}"), ("CN-ZJ-HZ", "(region CN-ZJ-HZ)"),
    ])
  func literals(text: String, expected: String) {
    #expect(expression(text) == expected)
  }

  @Test(
    "quantifiers and built-in calls",
    arguments: [
      ("any c in certs: c == \"x\"", "(any c certs (== c \"x\"))"),
      ("all n in xs: n > 0 and n < 9", "(all n xs (and (> n 0) (< n 9)))"),
      ("filter(xs, x => x > 0)", "(call filter xs (lambda x (> x 0)))"),
      ("map(xs, x => x * 2)", "(call map xs (lambda x (* x 2)))"),
      ("count(xs)", "(call count xs)"), ("sum(xs)", "(call sum xs)"),
      ("min(xs)", "(call min xs)"), ("max(a, b)", "(call max a b)"),
      ("contains(xs, 1)", "(call contains xs 1)"), ("round(x, 2)", "(call round x 2)"),
      ("abs(x)", "(call abs x)"), ("years_between(a, b)", "(call years_between a b)"),
      ("days_between(a, b)", "(call days_between a b)"),
      ("mrl(p, in: CN-ZJ)", "(call mrl p in: (region CN-ZJ))"),
      ("d + 30 days", "(+ d (duration 30 days))"),
    ])
  func calls(text: String, expected: String) {
    #expect(expression(text) == expected)
  }
}

@Suite("Parser: error recovery")
struct ParserRecoveryTests {
  @Test("several syntax errors are reported in one run")
  func severalErrors() {
    let (syntax, diagnostics) = parse(
      """
      let a = 1 +
      let b = (2
      rule r: Int {
        when a > => 1
        when a > 0 => 2
        otherwise => 3
      }
      let c = 4
      """)
    #expect(
      diagnostics.map(\.description) == [
        "t.verdant:2:1: error: expected an expression after `+`, found `let` [V1012]",
        "t.verdant:3:1: error: expected `)` to close `(`, found `rule` [V1010]",
        "t.verdant:4:12: error: expected an expression after `>`, found `=>` [V1012]",
      ])
    // Recovery kept the declarations after the errors, including the rule's later branches.
    let names = syntax.declarations.compactMap { $0.name?.name }
    #expect(names == ["r", "c"])
    if case .rule(let rule) = syntax.declarations[0].kind {
      #expect(rule.branches.count == 2)
    }
  }

  @Test(
    "one message per kind of mistake",
    arguments: [
      (
        "rule r { otherwise => 1\n when x => 2 }",
        "t.verdant:2:2: error: this branch comes after `otherwise` and can never fire [V1015]"
      ),
      ("let x = a < b < c", "t.verdant:1:15: error: comparisons cannot be chained [V1014]"),
      ("lett x = 1", "t.verdant:1:1: error: expected a declaration, found `lett` [V1011]"),
      ("let x: = 1", "t.verdant:1:8: error: expected a type, found `=` [V1013]"),
      ("let x = 2025-02-30", "t.verdant:1:9: error: `2025-02-30` is not a valid date [V1020]"),
      ("param p: Int {}", "t.verdant:1:7: error: parameter `p` has no entries [V1019]"),
      (
        "let x = 1\nruleset \"late\"",
        "t.verdant:2:1: error: the `ruleset` header must come first and only once [V1017]"
      ),
      ("let and = 1", "t.verdant:1:5: error: expected a name after `let`, found `and` [V1010]"),
    ])
  func singleErrors(text: String, expected: String) {
    #expect(parse(text).1.map(\.description) == [expected])
  }

  @Test("a misspelt declaration keyword gets a suggestion")
  func keywordSuggestion() {
    let diagnostics = parse("rul grade { otherwise => 1 }").1
    #expect(diagnostics.first?.help == "did you mean `rule`?")
  }
}
