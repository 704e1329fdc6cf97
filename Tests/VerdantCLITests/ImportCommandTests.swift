import Foundation
import Testing

private let ruleset = """
  ruleset "limits"
  catalog mrl from xml "limits.xml"
    records "/catalog/limit"
    key product {
      product: Text = @product
      mrl: Decimal = @mrl
    }
  input batch { product: Text }
  output let limit: Decimal = mrl[batch.product].mrl

  """

private let xml = """
  <?xml version="1.0" encoding="UTF-8"?>
  <catalog><limit product="apple" mrl="0.5"/><limit product="tea" mrl="0.05"/></catalog>

  """

@Suite("verdant import")
struct ImportCommandTests {
  func directory(_ files: [String: String] = [:]) throws -> URL {
    try CLIRunner.directory(
      with: ["limits.verdant": ruleset, "limits.xml": xml, "input.json": #"{"batch": {"product": "tea"}}"#]
        .merging(files) { $1 })
  }

  @Test("writes a snapshot that eval then loads; a changed XML makes it stale")
  func snapshotRoundTrip() throws {
    let directory = try directory()
    let imported = try CLIRunner.run(
      ["import", "limits.xml", "--ruleset", "limits.verdant", "--catalog", "mrl"], in: directory)
    #expect(imported.status == 0)
    #expect(imported.stdout == "imported 2 rows of catalog `mrl` from limits.xml into mrl.vcat\n")
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("mrl.vcat").path))
    let evaluated = try CLIRunner.run(
      ["eval", "limits.verdant", "--input", "input.json", "--as-of", "2025-09-01", "--compact"],
      in: directory)
    #expect(evaluated.status == 0)
    #expect(evaluated.stdout.contains(#""outputs":{"limit":0.05}"#))
    // The XML changes after the snapshot was made: compiling reports the stale snapshot.
    try xml.replacingOccurrences(of: "0.05", with: "0.01").write(
      to: directory.appendingPathComponent("limits.xml"), atomically: true, encoding: .utf8)
    let stale = try CLIRunner.run(
      ["eval", "limits.verdant", "--input", "input.json", "--as-of", "2025-09-01"], in: directory)
    #expect(stale.status == 1)
    #expect(
      stale.stderr.hasPrefix(
        "limits.verdant:2:9: error: cannot use the snapshot of catalog `mrl`: the catalog snapshot "
          + "mrl.vcat is out of date: limits.xml changed since it was made"))
  }

  @Test("an unknown catalog name exits 1 with a suggestion")
  func unknownCatalog() throws {
    let result = try CLIRunner.run(
      ["import", "limits.xml", "--ruleset", "limits.verdant", "--catalog", "mlr"], in: try directory())
    #expect(result.status == 1)
    #expect(result.stderr == "error: limits.verdant declares no catalog `mlr`; did you mean `mrl`?\n")
  }

  @Test("a broken XML document exits 2 with the line and column libxml2 stopped at")
  func brokenXML() throws {
    let directory = try directory(["broken.xml": "<catalog><limit product=\"apple\" mrl=\"0.5\">\n</catalog>\n"])
    let result = try CLIRunner.run(
      ["import", "broken.xml", "--ruleset", "limits.verdant", "--catalog", "mrl"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr.contains("broken.xml:2:"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mrl.vcat").path))
  }
}
