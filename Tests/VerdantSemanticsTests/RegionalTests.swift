import Testing
import VerdantSemantics
import VerdantSyntax
import VerdantTestSupport

private let hierarchy = """
  regions {
    CN {
      CN-ZJ { CN-ZJ-HZ }
      CN-SD
    }
    EU { EU-DE, EU-FR }
  }

  """

private func messages(_ source: String, imports: [String: String] = [:]) -> [String] {
  diagnostics(of: source, imports: imports).map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
}

@Suite("Regions, standards and equivalence: checking")
struct RegionalCheckerTests {
  @Test("an unknown region gets a suggestion")
  func unknownRegion() {
    assertDiagnostics(
      hierarchy + "output let r = 1️⃣CN-ZJ-HX",
      [.error("undeclared region `CN-ZJ-HX`", underline: "CN-ZJ-HX", help: "did you mean `CN-ZJ-HZ`?")])
  }

  @Test("a region code written without its hyphen is suggested")
  func codeWithoutHyphen() {
    assertDiagnostics(
      hierarchy + "input s { r: Region }\noutput let zj = s.r in 1️⃣CNZJ",
      [.error("undeclared name `CNZJ`", underline: "CNZJ", help: "did you mean `CN-ZJ`?")])
  }

  @Test("a region declared twice, and a second hierarchy")
  func duplicates() {
    #expect(
      messages("regions { CN { CN-ZJ } EU { CN-ZJ } }")
        == ["1:29: error: region `CN-ZJ` is declared more than once"])
    #expect(
      messages("regions { CN }\nregions { EU }")
        == ["2:1: error: the region hierarchy `regions` is declared more than once"])
  }

  @Test("the hierarchy can be imported")
  func imported() {
    #expect(
      messages(
        "import \"regions.verdant\"\noutput let inside = CN-ZJ-HZ in CN",
        imports: ["regions.verdant": hierarchy]
      ).isEmpty)
  }

  @Test("region expressions are typed")
  func types() throws {
    let result = Checker.check(
      SourceFile(
        path: "t.verdant",
        text: hierarchy + "input s { r: Region }\noutput let a = s.r in CN-ZJ\noutput let b = parent(s.r)\noutput let c = s.r == EU-DE"),
      loader: InMemorySourceLoader(files: [:]))
    let ruleset = try #require(result.ruleset)
    #expect(ruleset.declaration(named: "a")?.type.description == "Bool")
    #expect(ruleset.declaration(named: "b")?.type.description == "Region?")
    #expect(ruleset.declaration(named: "c")?.type.description == "Bool")
    #expect(ruleset.regions.codes == ["CN", "CN-ZJ", "CN-ZJ-HZ", "CN-SD", "EU", "EU-DE", "EU-FR"])
  }

  @Test("two declarations of a standard for one region are an error naming both")
  func conflictingStandard() {
    let source = hierarchy + """
      standard limit(p: Text): Decimal {
        default in CN = 0.5
        exception in CN-ZJ = 0.2
        exception in CN-ZJ = 0.1
      }
      """
    let found = diagnostics(of: source)
    #expect(found.map(\.message) == ["standard `limit` is declared twice for region `CN-ZJ`"])
    #expect(found.first?.location.description == "11:16")
    #expect(found.first?.notes.first?.span?.location.description == "10:16")
  }

  @Test("a standard call needs its region and its arguments")
  func standardCalls() {
    let source = hierarchy + """
      standard limit(p: Text): Decimal { default in CN = 0.5 }
      output let a = limit("tea")
      output let b = limit(in: CN)
      output let c = limit("tea", in: "CN")
      """
    #expect(
      messages(source) == [
        "9:16: error: standard `limit` needs the region it applies in",
        "10:16: error: `limit` takes 1 argument, found 0",
        "11:33: error: expected Region as the region of `limit`, found Text",
      ])
  }

  @Test("equivalence: two codes for one region in one class is an error")
  func conflictingEquivalence() {
    let source = hierarchy + """
      equivalent { "GB/T 19630" in CN, "EU 2018/848" in EU }
      equivalent { "GB/T 19630" in CN, "EU 834/2007" in EU }
      """
    #expect(
      messages(source) == [
        "9:34: error: `EU 834/2007` and `EU 2018/848` are both declared as the EU equivalent of one certification"
      ])
  }

  @Test("region columns: exact gaps and overlaps over the hierarchy")
  func regionTables() {
    let source = hierarchy + """
      input s { r: Region }
      output let x = t
      output let y = u
      table t hit unique {
        s.r => out
        in CN-ZJ => 1
        in CN => 2
      }
      table u hit first {
        s.r => out
        in CN-ZJ, CN-SD => 1
        in EU => 2
      }
      """
    #expect(
      messages(source) == [
        "11:7: error: no row covers s.r in {EU and below}",
        "14:3: error: rows 1 and 2 both match when s.r in {CN-ZJ and below}",
        "16:7: error: no row covers s.r = CN",
      ])
  }
}
