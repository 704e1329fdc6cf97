import Testing
import Verdant
import VerdantTestSupport

private let source = """
  regions {
    CN {
      CN-ZJ { CN-ZJ-HZ }
      CN-SD
    }
    EU { EU-DE, EU-FR }
    US
    NZ
  }
  input batch { product: Text, region: Region, certification: Text }
  standard flat_limit(product: Text): Decimal {
    default in CN      = 0.5
    exception in CN-ZJ = 0.2
    exception in EU    = 0.05
  }
  equivalent { "GB/T 19630" in CN, "NZ organic" in NZ }
  equivalent { "NZ organic" in NZ, "EU 2018/848" in EU }
  output let limit = flat_limit(batch.product, in: batch.region)
  output let eu = recognized(batch.certification, in: EU-FR)
  output let cn = recognized(batch.certification, in: CN-ZJ-HZ)
  output let us = recognized(batch.certification, in: US)
  output let up = parent(batch.region)
  output let zj = batch.region in CN-ZJ
  """

private func evaluate(region: String, certification: String = "GB/T 19630") throws -> EvaluationResult {
  try evaluateForTest(
    source,
    json: #"{"batch": {"product": "tea", "region": "\#(region)", "certification": "\#(certification)"}}"#)
}

@Suite("Regions, standards and equivalence: evaluation")
struct RegionalEvaluationTests {
  @Test(
    "the most specific declaration on the region's path wins, on every level",
    arguments: [
      ("CN", "0.5"), ("CN-SD", "0.5"), ("CN-ZJ", "0.2"), ("CN-ZJ-HZ", "0.2"), ("EU", "0.05"),
      ("EU-DE", "0.05"),
    ])
  func resolution(region: String, limit: String) throws {
    #expect(try evaluate(region: region)["limit"]?.description == limit)
  }

  @Test("a region with no applicable declaration is an evaluation error naming both")
  func noDeclaration() throws {
    do {
      _ = try evaluate(region: "US")
      Issue.record("no error")
    } catch let error as EvaluationError {
      #expect(error.code.rawValue == "V4013")
      #expect(
        error.message
          == "standard `flat_limit` has no declaration for region US or any region above it (declared for CN, CN-ZJ, EU)")
    }
  }

  @Test("parent and `in`")
  func parents() throws {
    let hz = try evaluate(region: "CN-ZJ-HZ")
    #expect(hz["up"]?.description == "CN-ZJ")
    #expect(hz["zj"] == .bool(true))
    let cn = try evaluate(region: "CN")
    #expect(cn["up"] == .absent)
    #expect(cn["zj"] == .bool(false))
  }

  @Test(
    "equivalence is symmetric and transitive",
    arguments: [
      ("GB/T 19630", true, true, false), ("NZ organic", true, true, false),
      ("EU 2018/848", true, true, false), ("USDA NOP", false, false, false),
    ])
  func recognition(certification: String, eu: Bool, cn: Bool, us: Bool) throws {
    let result = try evaluate(region: "CN", certification: certification)
    #expect(result["eu"] == .bool(eu))
    #expect(result["cn"] == .bool(cn))
    #expect(result["us"] == .bool(us))
  }
}

@Suite("Standards backed by catalogs: fallback to the parent region")
struct StandardFallbackTests {
  let source = """
    regions { CN { CN-ZJ { CN-ZJ-HZ } CN-SD } EU }
    input batch { product: Text, region: Region }
    catalog gb2763 from xml "gb2763.xml" records "/catalog/limit" key product {
      product: Text = @product
      mrl: Decimal = @mrl
    }
    catalog zj from xml "zj.xml" records "/catalog/limit" key product {
      product: Text = @product
      mrl: Decimal = @mrl
    }
    standard mrl(product: Text): Decimal {
      default in CN      = gb2763[product].mrl
      exception in CN-ZJ = zj[product].mrl
    }
    output let limit = mrl(batch.product, in: batch.region)
    """

  func table(_ checked: CheckedRuleset, _ name: String, _ rows: [(String, String)]) throws -> CatalogTable {
    let catalog = try #require(checked.catalogs.first { $0.name == name })
    let type = catalog.mapping.rowType
    return try CatalogTable(
      name: name, rowType: type,
      rows: try rows.map { product, mrl in
        RecordValue(type: type, fields: [.text(product), .decimal(try ExactDecimal(parsing: mrl))])
      }, keyField: 0, allowsDuplicateKeys: false, source: "\(name).xml")
  }

  func evaluate(_ product: String, in region: String) throws -> EvaluationResult {
    let checked = try #require(
      Checker.check(SourceFile(path: "t.verdant", text: source), loader: InMemorySourceLoader(files: [:])).ruleset)
    let ruleset = CompiledRuleset(
      checked,
      catalogs: [
        "gb2763": try table(checked, "gb2763", [("tea", "0.5"), ("apple", "1")]),
        "zj": try table(checked, "zj", [("tea", "0.2")]),
      ])
    let inputs = try ruleset.inputs(
      json: Array(#"{"batch": {"product": "\#(product)", "region": "\#(region)"}}"#.utf8))
    return try ruleset.evaluate(
      inputs, asOf: try #require(CivilDate(iso8601: "2025-09-01")), explain: true)
  }

  @Test("a row at the most specific level is used")
  func specific() throws {
    let result = try evaluate("tea", in: "CN-ZJ-HZ")
    #expect(result["limit"]?.description == "0.2")
    let use = try #require(result.explanation?["limit"]?.standards.first)
    #expect(use.appliedIn == "CN-ZJ")
    #expect(use.fallbacks.isEmpty)
  }

  @Test("a catalog miss falls back to the parent's declaration, and the explanation says so")
  func fallback() throws {
    let result = try evaluate("apple", in: "CN-ZJ-HZ")
    #expect(result["limit"]?.description == "1")
    let use = try #require(result.explanation?["limit"]?.standards.first)
    #expect(use.region == "CN-ZJ-HZ")
    #expect(use.appliedIn == "CN")
    #expect(use.fallbacks == [#"CN-ZJ: no row with key "apple" in catalog `zj` (zj.xml)"#])
    #expect(
      ExplanationRenderer().render(try #require(result.explanation?["limit"])).last
        == #"    standard mrl for CN-ZJ-HZ = 1 (declared for CN); fell back from CN-ZJ: no row with key "apple" in catalog `zj` (zj.xml)"#)
  }

  @Test("a miss on every level is an evaluation error naming the key")
  func missEverywhere() throws {
    do {
      _ = try evaluate("rice", in: "CN-ZJ")
      Issue.record("no error")
    } catch let error as EvaluationError {
      #expect(error.code.rawValue == "V4011")
      #expect(error.message == #"no row with key "rice" in catalog `gb2763` (gb2763.xml)"#)
    }
  }
}
