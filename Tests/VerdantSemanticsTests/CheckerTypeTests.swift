import Testing
import VerdantSemantics
import VerdantSyntax
import VerdantTestSupport

/// The type the checker infers for each declaration.
private func types(_ source: String) throws -> [String: String] {
  let result = Checker.check(
    SourceFile(path: "t.verdant", text: source), loader: InMemorySourceLoader(files: [:]))
  #expect(result.diagnostics.filter(\.isError).isEmpty, "\(result.diagnostics)")
  let ruleset = try #require(result.ruleset)
  return Dictionary(
    uniqueKeysWithValues: ruleset.declarations.map { ($0.name, $0.type.description) })
}

@Suite("Checker: types")
struct CheckerTypeTests {
  @Test("let types are inferred; Int widens to Decimal only")
  func inference() throws {
    let found = try types(
      """
      input s { revenue: Money<CNY>, rate: Percent, n: Int, d: Decimal, when_: Date?, tags: Set<Text> }
      output let a = s.n + 1
      output let b = s.n + s.d
      output let c = s.n / 2
      output let e = 12.5% of s.revenue
      output let f = s.rate * 2
      output let g = s.revenue / s.revenue
      output let h = s.when_ ?? 2025-01-01
      output let i = s.when_ is present
      output let j = count(s.tags)
      output let k = map([1, 2], x => x * 1.5)
      output let l = filter(s.tags, t => t != "x")
      output let m = max(s.n, 2.5)
      output let o = round(s.d, 2)
      output let p = [1, 2.5]
      output let q = years_between(2020-01-01, s.when_ ?? 2025-01-01)
      output let r = 2025-01-01 + 30 days
      output let t = 5% of 20%
      """)
    #expect(found["a"] == "Int")
    #expect(found["b"] == "Decimal")
    #expect(found["c"] == "Decimal")
    #expect(found["e"] == "Money<CNY>")
    #expect(found["f"] == "Percent")
    #expect(found["g"] == "Decimal")
    #expect(found["h"] == "Date")
    #expect(found["i"] == "Bool")
    #expect(found["j"] == "Int")
    #expect(found["k"] == "List<Decimal>")
    #expect(found["l"] == "Set<Text>")
    #expect(found["m"] == "Decimal")
    #expect(found["o"] == "Decimal")
    #expect(found["p"] == "List<Decimal>")
    #expect(found["q"] == "Int")
    #expect(found["r"] == "Date")
    #expect(found["t"] == "Percent")
  }

  @Test("rule types are inferred from branches; enum cases resolve from context")
  func ruleTypes() throws {
    let found = try types(
      """
      enum Grade { A, B, C, D }
      enum Tier { none, bronze }
      input s { score: Int }
      rule grade { when s.score >= 85 => A  otherwise => D }
      rule tier: Tier { when grade <= B => bronze  otherwise => none }
      output let better = grade < C
      """)
    #expect(found["grade"] == "Grade")
    #expect(found["tier"] == "Tier")
    #expect(found["better"] == "Bool")
  }

  @Test("is present narrows an optional in the rest of a condition and in the branch")
  func narrowing() {
    let source = """
      input s { audit: Date?, bonus: Decimal? }
      output let recent = s.audit is present and days_between(s.audit, 2025-09-01) < 365
      rule points: Decimal {
        when s.bonus is not present => 0
        when s.bonus > 10 => s.bonus * 2
        otherwise => s.bonus
      }
      output let y = if s.audit is present then year(s.audit) else 0
      """
    #expect(diagnostics(of: source).isEmpty)
  }

  @Test("narrowing does not leak past `or`")
  func narrowingIsSound() {
    assertDiagnostics(
      "input s { a: Int? }\noutput let x = s.a is present or 1️⃣s.a > 1",
      [.error("value of optional type Int? used as an operand of `>`")])
  }

  @Test("functions are typed by their signature and may call each other")
  func functions() throws {
    let found = try types(
      """
      fn ratio(a: Decimal, b: Decimal): Decimal = a / b
      fn pct(a: Decimal, b: Decimal): Percent = as_percent(ratio(a, b))
      output let x = pct(1, 8)
      """)
    #expect(found["x"] == "Percent")
  }

  @Test("imports bring enums, records, functions and values into scope")
  func imports() throws {
    let result = Checker.check(
      SourceFile(
        path: "rules/main.verdant",
        text: "import \"common.verdant\"\noutput let g: Grade = best(A, B)"),
      loader: InMemorySourceLoader(files: [
        "rules/common.verdant":
          "enum Grade { A, B }\nfn best(a: Grade, b: Grade): Grade = min(a, b)"
      ]))
    #expect(result.diagnostics.isEmpty)
    let ruleset = try #require(result.ruleset)
    #expect(ruleset.sources.map(\.path) == ["rules/main.verdant", "rules/common.verdant"])
    #expect(ruleset.defaultOutputs.map { ruleset.declarations[$0.index].name } == ["g"])
  }

  @Test("the content hash changes with the source")
  func contentHash() throws {
    let a = try #require(
      Checker.check(
        SourceFile(path: "t", text: "output let x = 1"), loader: InMemorySourceLoader(files: [:])
      ).ruleset)
    let b = try #require(
      Checker.check(
        SourceFile(path: "t", text: "output let x = 2"), loader: InMemorySourceLoader(files: [:])
      ).ruleset)
    #expect(a.contentHash.hasPrefix("sha256:"))
    #expect(a.contentHash.count == 71)
    #expect(a.contentHash != b.contentHash)
  }
}
