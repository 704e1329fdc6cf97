import ArgumentParser
import Verdant

/// `verdant test PATH…`: run `*.test.verdant` files.
struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run ruleset tests (*.test.verdant files).",
    discussion: """
      Each X.test.verdant tests the ruleset X.verdant beside it. Prints one line per failure \
      with the expected and actual values and the location, then `N passed, M failed`. Exits 1 \
      when a test fails or a test file has errors.
      """)

  @Argument(help: "Test files, or directories to search for *.test.verdant files.")
  var paths: [String] = ["."]

  @Flag(help: "List the rule branches, scorecard bins and table rows no test exercised.")
  var coverage = false

  @Option(help: "How to print compile errors: human, short, json or sarif.")
  var diagnosticsFormat: DiagnosticFormat = .human

  mutating func run() throws {
    let files = RulesetTestRunner.discover(paths)
    if files.isEmpty {
      printError("error: no *.test.verdant files under \(paths.joined(separator: ", "))")
      throw ExitStatus.rulesetInvalid
    }
    var passed = 0
    var failed = 0
    var broken = 0
    var entries: [String: CoverageEntry] = [:]
    var order: [String] = []
    for file in files {
      let report = RulesetTestRunner.run(file: file, catalogs: Ruleset.catalogLoader())
      if report.diagnostics.containsErrors {
        printError(diagnosticsFormat.render(report.diagnostics))
        broken += 1
        continue
      }
      for testCase in report.cases {
        if testCase.passed {
          passed += 1
          continue
        }
        failed += 1
        for failure in testCase.failures {
          let location = failure.span.location
          print(
            "\(failure.span.file.path):\(location.line):\(location.column): test "
              + "\"\(testCase.name)\" failed: \(failure.message)")
        }
      }
      for entry in report.coverage {
        if let existing = entries[entry.key] {
          if entry.covered, !existing.covered { entries[entry.key] = entry }
        } else {
          entries[entry.key] = entry
          order.append(entry.key)
        }
      }
    }
    // A file with errors runs no tests; saying so keeps "0 failed" from reading as success.
    let unrun = broken == 0 ? "" : ", \(broken) test file\(broken == 1 ? "" : "s") not run (errors above)"
    print("\(passed) passed, \(failed) failed\(unrun)")
    if coverage { printCoverage(order.compactMap { entries[$0] }) }
    if broken > 0 { throw ExitStatus.rulesetInvalid }
    if failed > 0 { throw ExitCode.failure }
  }

  private func printCoverage(_ entries: [CoverageEntry]) {
    let covered = entries.filter(\.covered).count
    let percent =
      entries.isEmpty ? "100.0" : Self.percent(covered, of: entries.count)
    print(
      "coverage: \(covered) of \(entries.count) branches, bins and rows exercised (\(percent)%)")
    let missed = entries.filter { !$0.covered }
    if !missed.isEmpty {
      print("not exercised:")
      for entry in missed {
        print("  \(entry.path):\(entry.line):\(entry.column): \(entry.description)")
      }
    }
  }

  /// A percentage with one decimal, computed exactly.
  static func percent(_ part: Int, of whole: Int) -> String {
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)"
  }
}
