import Foundation
import Testing

/// Runs examples/EmbeddingExample as a platform engineer would, from the repository root, so
/// the example cannot rot.
@Suite("examples/EmbeddingExample")
struct EmbeddingExampleRunTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test("rates the shipped registry concurrently and prints levels and top reasons")
  func ratesRegistry() throws {
    let result = try CLIRunner.run(
      ["examples/suppliers.jsonl", "--show", "2"], in: Self.root, executable: "EmbeddingExample")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        supplier    level   score  top reasons
        S-0000001  blue    84.88  GREEN_FACTORY, CARBON_INTENSITY, DISCLOSURE_QUALITY
        S-0000002  blue    89.92  CARBON_INTENSITY, ENERGY_INTENSITY, GREEN_FACTORY

        rated 1000 of 1000 suppliers as of 2026-03-01
          green   139
          blue    742
          yellow  102
          red     17
        most common reasons: GREEN_FACTORY (781), CARBON_INTENSITY (645), ENERGY_INTENSITY (515)

        """)
  }

  @Test("a supplier with missing fields is reported with its line and exits 2")
  func badRow() throws {
    let directory = try CLIRunner.directory(with: ["bad.jsonl": #"{"id": "X", "name": "bad"}"# + "\n"])
    let result = try CLIRunner.run(
      [directory.appendingPathComponent("bad.jsonl").path], in: Self.root,
      executable: "EmbeddingExample")
    #expect(result.status == 2)
    #expect(result.stdout.contains("rated 0 of 1 suppliers"))
    #expect(result.stdout.contains("line 1: $.supplier.region: missing required field of type Region"))
  }
}
