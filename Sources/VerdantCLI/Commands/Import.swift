import ArgumentParser
import Verdant

/// `verdant import CATALOG.xml --ruleset FILE --catalog NAME -o NAME.vcat`: pre-import a catalog
/// into a snapshot that compiles load instead of the XML.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Import an XML catalog into a binary snapshot for fast loading.",
    discussion: """
      Reads the catalog's mapping from the ruleset, streams the XML through libxml2 (validating \
      it when the catalog declares a schema) and writes a snapshot keyed by the XML's SHA-256 and \
      the mapping. A ruleset then loads the snapshot instead of the XML, and rejects it when either \
      has changed. Exit codes: 1 the ruleset has errors, 2 the XML is invalid or unreadable.
      """)

  @Argument(help: "The XML catalog to import.")
  var xml: String

  @Option(help: "The ruleset that declares the catalog.")
  var ruleset: String

  @Option(help: "The catalog's name in the ruleset.")
  var catalog: String

  @Option(name: .shortAndLong, help: "The snapshot to write (default: the catalog's snapshot path).")
  var output: String?

  mutating func run() throws {
    let text: String
    do {
      text = try FileSystem.readText(atPath: ruleset)
    } catch {
      printError("error: \(error)")
      throw ExitStatus.rulesetInvalid
    }
    let result = Ruleset.check(SourceFile(path: ruleset, text: text))
    guard let checked = result.ruleset else {
      printError(HumanRenderer().render(result.diagnostics))
      throw ExitStatus.rulesetInvalid
    }
    guard let declared = checked.catalogs.first(where: { $0.name == catalog }) else {
      let names = checked.catalogs.map(\.name)
      var message = "error: \(ruleset) declares no catalog `\(catalog)`"
      if let suggestion = NameSuggestion.closest(to: catalog, among: names) {
        message += "; did you mean `\(suggestion)`?"
      } else if !names.isEmpty {
        message += " (it declares \(names.map { "`\($0)`" }.joined(separator: ", ")))"
      }
      printError(message)
      throw ExitStatus.rulesetInvalid
    }
    let table: CatalogTable
    do {
      table = try CatalogImporter.importXML(
        at: xml, schema: declared.schemaPath, mapping: declared.mapping)
    } catch {
      printError(HumanRenderer().render(error.diagnostics))
      throw ExitStatus.inputInvalid
    }
    let destination = output ?? declared.snapshotPath
    do {
      try CatalogSnapshot.write(table, mapping: declared.mapping, xmlPath: xml, to: destination)
    } catch {
      printError("error: \(error)")
      throw ExitCode.failure
    }
    print("imported \(table.count) rows of catalog `\(catalog)` from \(xml) into \(destination)")
  }
}
