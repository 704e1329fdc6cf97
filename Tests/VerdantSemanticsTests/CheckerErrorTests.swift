import Testing
import VerdantSemantics
import VerdantTestSupport

/// A small ruleset prefix most cases build on.
private let prelude = """
  enum Grade { A, B, C, D }
  input supplier {
    revenue: Money
    rate: Percent
    emissions: Decimal
    violations: Int
    certifications: Set<Text>
    last_audit: Date?
  }

  """

@Suite("Checker: one negative test per error kind")
struct CheckerErrorTests {
  @Test("V2001 undeclared name, with a suggestion")
  func undeclaredName() {
    assertDiagnostics(
      prelude + "output let grade = 1\noutput let x = 1️⃣grde + 1",
      [.error("undeclared name `grde`", underline: "grde", help: "did you mean `grade`?")])
  }

  @Test("V2002 unknown type, with a suggestion")
  func unknownType() {
    assertDiagnostics(
      "input s { amount: 1️⃣Decimel }",
      [.error("unknown type `Decimel`", underline: "Decimel", help: "did you mean `Decimal`?")])
  }

  @Test("V2003 unknown field, with a suggestion")
  func unknownField() {
    assertDiagnostics(
      prelude + "output let x = supplier.1️⃣revenu",
      [
        .error(
          "supplier has no field `revenu`", underline: "revenu", help: "did you mean `revenue`?")
      ])
  }

  @Test("take needs a list: a set has no order")
  func takeOfSet() {
    assertDiagnostics(
      prelude + "output let x = take(1️⃣supplier.certifications, 2)",
      [
        .error(
          "`take` expects a list (a set has no order to take from), found Set<Text>",
          underline: "supplier.certifications")
      ])
  }

  @Test("lists of different element types do not concatenate")
  func listConcatenationTypes() {
    assertDiagnostics(
      prelude + "output let x = [1] + [1️⃣\"a\"]",
      [.error("expected Int as a list element, found Text", underline: "\"a\"")])
  }

  @Test("V2004 duplicate declaration, pointing at both")
  func duplicateDeclaration() {
    assertDiagnostics(
      "output let total = 1\noutput let 1️⃣total = 2",
      [
        .error(
          "`total` is declared more than once", underline: "total",
          help: "rename one of the declarations")
      ])
  }

  @Test("V2005 mismatched type in an annotated let")
  func mismatchedType() {
    assertDiagnostics(
      "output let x: Int = 1️⃣\"ten\"",
      [.error("expected Int as the value of `x`, found Text", underline: "\"ten\"")])
  }

  @Test("V2005 Decimal never narrows to Int")
  func noNarrowing() {
    assertDiagnostics(
      "output let x: Int = 1️⃣2.5",
      [
        .error(
          "expected Int as the value of `x`, found Decimal",
          help: "Decimal never narrows to Int implicitly; use `round(x, 0)` and keep a Decimal")
      ])
  }

  @Test("V2006 Percent and Decimal are kept apart")
  func percentDecimal() {
    assertDiagnostics(
      prelude + "output let x = 1️⃣supplier.rate + 0.5",
      [
        .error(
          "cannot apply `+` to Percent and Decimal", underline: "supplier.rate + 0.5",
          help:
            "Percent and Decimal are kept apart: use a percent literal such as `5%`, `as_percent(x)` or `as_ratio(p)`"
        )
      ])
  }

  @Test("V2006 amounts in two known currencies cannot be added")
  func currencyMismatch() {
    assertDiagnostics(
      "output let x = 1️⃣100 CNY + 5 EUR",
      [
        .error(
          "cannot apply `+` to Money<CNY> and Money<EUR>",
          help: "amounts in different currencies cannot be added; convert explicitly")
      ])
  }

  @Test("V2007 an optional must be unwrapped")
  func unwrappedOptional() {
    assertDiagnostics(
      prelude + "output let x = 1️⃣supplier.last_audit > 2025-01-01",
      [
        .error(
          "value of optional type Date? used as an operand of `>`",
          underline: "supplier.last_audit",
          help: "give a default with `?? value`, or test `is present` first")
      ])
  }

  @Test("V2008 cycles are named in order")
  func cycle() {
    assertDiagnostics(
      "output let 1️⃣a = b + 1\nlet b = c * 2\nlet c = a",
      [
        .error(
          "declarations depend on each other in a cycle: `a` -> `b` -> `c` -> `a`",
          help: "rulesets must not be recursive; compute one of these values without the others")
      ])
  }

  @Test("V2008 a function calling itself is a cycle")
  func recursiveFunction() {
    assertDiagnostics(
      "fn 1️⃣f(n: Int): Int = f(n - 1)\noutput let x = f(3)",
      [.error("declarations depend on each other in a cycle: `f` -> `f`")])
  }

  @Test("V2009 a rule without otherwise must cover every case")
  func nonExhaustive() {
    assertDiagnostics(
      prelude
        + "output let score = supplier.violations\nrule 1️⃣grade: Grade {\n  when score >= 85 => A\n  when score >= 70 => B\n  when score >= 50 => C\n}",
      [
        .error(
          "rule `grade` does not cover every case: no branch matches when score < 50",
          help: "add a final branch `otherwise => …`")
      ])
  }

  @Test("V2010 a shadowed branch is a warning that names the earlier branch")
  func unreachableBranch() {
    let marked =
      prelude + """
        rule grade: Grade {
          when supplier.violations > 0 => D
          when 1️⃣supplier.violations > 2 => C
          otherwise => A
        }
        """
    assertDiagnostics(
      marked,
      [.warning("this branch of rule `grade` can never fire", underline: "supplier.violations > 2")]
    )
    let found = diagnostics(of: MarkedSource(marked).text)
    #expect(
      found.first?.notes.first?.message
        == "every case it matches is matched first by the branch on line 11")
  }

  @Test("V2010 an otherwise after complete branches is a warning")
  func unreachableOtherwise() {
    assertDiagnostics(
      prelude
        + "rule grade: Grade {\n  when supplier.violations > 0 => D\n  when supplier.violations <= 0 => A\n  1️⃣otherwise => C\n}",
      [
        .warning(
          "`otherwise` in rule `grade` can never fire: the branches above cover every case")
      ])
  }

  @Test("V2011 unused let is a warning; output let is not")
  func unusedLet() {
    assertDiagnostics(
      "let 1️⃣helper = 2\noutput let shown = 3",
      [
        .warning(
          "`helper` is never used by another declaration",
          help: "remove it, or write `output let helper` if it is a result meant for callers")
      ])
  }

  @Test("V2012 wrong argument count")
  func wrongArguments() {
    assertDiagnostics(
      "output let x = 1️⃣round(1.5, 2, 3)",
      [.error("`round` takes 2 arguments, found 3")])
  }

  @Test("V2013 unknown function, with a suggestion")
  func unknownFunction() {
    assertDiagnostics(
      "output let x = 1️⃣rount(1.5, 0)",
      [.error("unknown function `rount`", underline: "rount", help: "did you mean `round`?")])
  }

  @Test("V2014 a case name shared by two enums needs context")
  func ambiguousCase() {
    assertDiagnostics(
      "enum Tier { none, gold }\nenum Level { none, high }\noutput let x = 1️⃣none",
      [
        .error(
          "`none` is a case of several enums (`Tier`, `Level`)",
          help: "qualify it, e.g. `Tier.none`, or annotate the declaration's type")
      ])
  }

  @Test("V2015 a literal that is not exact")
  func invalidLiteral() {
    assertDiagnostics(
      "output let x = 1️⃣0.1234567890123456789",
      [
        .error(
          "`0.1234567890123456789` has more than 18 digits after the decimal point",
          help: "Decimal is exact to 18 decimal places")
      ])
  }

  @Test("V2016 parameter dates must increase")
  func parameterDates() {
    assertDiagnostics(
      "param cap: Money {\n  2025-07-01: 800_000 CNY\n  1️⃣2024-01-01: 500_000 CNY\n}\noutput let c = cap",
      [
        .error(
          "dates of parameter `cap` must increase: 2024-01-01 does not come after 2025-07-01",
          help: "list versions from the oldest to the newest, each date once")
      ])
  }

  @Test("V2016 parameter values must be constants")
  func parameterConstants() {
    assertDiagnostics(
      prelude + "param cap: Money {\n  2025-07-01: 1️⃣supplier.revenue\n}\noutput let c = cap",
      [.error("parameter values must be constants")])
  }

  @Test("V2016 parameter values must have the declared type")
  func parameterTypes() {
    assertDiagnostics(
      "param rate: Percent {\n  2025-07-01: 1️⃣0.05\n}\noutput let r = rate",
      [.error("expected Percent as a value of parameter `rate`, found Decimal")])
  }

  @Test("V2018 unknown currency code, with a suggestion")
  func unknownCurrency() {
    assertDiagnostics(
      "output let x = 5 1️⃣CNX",
      [
        .error(
          "`CNX` is not an ISO 4217 currency code", underline: "CNX", help: "did you mean `CNY`?")
      ])
  }

  @Test("V2019 an import that does not exist")
  func missingImport() {
    assertDiagnostics(
      "import 1️⃣\"common.verdant\"",
      [.error("cannot import `common.verdant`: no file at `common.verdant`")])
  }

  @Test("V2019 an import cycle")
  func importCycle() {
    assertDiagnostics(
      "import 1️⃣\"b.verdant\"\noutput let x = y",
      [
        .error(
          "import cycle: `test.verdant` imports itself through `test.verdant` -> `b.verdant`",
          help: "move shared declarations into a file both can import")
      ],
      imports: ["b.verdant": "import \"test.verdant\"\nlet y = 1"])
  }

  @Test("V2022 records that contain each other")
  func recursiveRecord() {
    assertDiagnostics(
      "record 1️⃣A { b: B }\nrecord B { a: A? }",
      [.error("record types contain each other: `A` -> `B` -> `A`")])
  }

  @Test("V2023 a record literal missing a field")
  func recordLiteral() {
    assertDiagnostics(
      "record Point { x: Int, y: Int }\noutput let p: Point = 1️⃣{ x: 1 }",
      [.error("Point is missing field `y`")])
  }

  @Test("V2025 `??` on a value that is never absent is a warning")
  func redundantCoalesce() {
    assertDiagnostics(
      prelude + "output let x = supplier.violations ?? 1️⃣0",
      [
        .warning(
          "`supplier.violations` has type Int, which is never absent, so `??` never uses its right side",
          help: "remove `?? 0`")
      ])
  }

  @Test("every error in a file is reported, sorted by position")
  func allErrors() {
    let found = diagnostics(
      of: "output let a = nope\noutput let b: Int = \"x\"\noutput let c = 1 + true\n")
    #expect(
      found.map(\.description) == [
        "test.verdant:1:16: error: undeclared name `nope` [V2001]",
        "test.verdant:2:21: error: expected Int as the value of `b`, found Text [V2005]",
        "test.verdant:3:16: error: cannot apply `+` to Int and Bool [V2006]",
      ])
  }
}
