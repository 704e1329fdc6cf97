import VerdantSemantics
import VerdantSyntax
import VerdantValues

/// Runs `*.test.verdant` files: each file tests the ruleset of the same name beside it
/// (`supplier.test.verdant` tests `supplier.verdant`), which it imports implicitly, and may
/// import others explicitly.
public enum RulesetTestRunner {
  /// The suffix that marks test files.
  public static let testFileSuffix = ".test.verdant"

  /// The test files under the given files and directories, sorted.
  public static func discover(_ paths: [String]) -> [String] {
    var found: [String] = []
    for path in paths {
      if FileSystem.isDirectory(atPath: path) {
        found += FileSystem.files(under: path, withSuffix: testFileSuffix)
      } else {
        found.append(path)
      }
    }
    // `./rulesets/x.test.verdant` reads better as `rulesets/x.test.verdant`.
    return found.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }
  }

  /// Loads the catalog tables of a checked ruleset, with any diagnostics (errors stop the run).
  public typealias CatalogLoader =
    @Sendable (CheckedRuleset) -> (tables: [String: CatalogTable], diagnostics: [Diagnostic])

  /// Compiles and runs one test file.
  /// - Parameters:
  ///   - path: The test file.
  ///   - loader: Supplies imported files.
  ///   - catalogs: Loads the tested ruleset's catalogs (`Ruleset.catalogLoader()` reads XML
  ///     and snapshots); by default none are loaded.
  /// - Returns: Diagnostics, per-test results and coverage of the tested rulesets.
  public static func run(
    file path: String, loader: some SourceLoader = FileSystemSourceLoader(),
    catalogs: CatalogLoader = { _ in ([:], []) }
  ) -> TestFileReport {
    let text: String
    do {
      text = try FileSystem.readText(atPath: path)
    } catch {
      let file = SourceFile(path: path, text: "")
      let diagnostic = Diagnostic(
        .error, .invalidTest, "cannot read the test file: \(error.reason)",
        at: Span(file: file, start: 0, end: 0))
      return TestFileReport(path: path, diagnostics: [diagnostic], cases: [], coverage: [])
    }
    return run(SourceFile(path: path, text: text), loader: loader, catalogs: catalogs)
  }

  /// What a test file imports without saying so: `x.test.verdant` imports `x.verdant` beside
  /// it, when that file exists. Checking a test file on its own needs the same.
  public static func implicitImports(of file: SourceFile, loader: some SourceLoader) -> [String] {
    guard file.path.hasSuffix(testFileSuffix) else { return [] }
    let base = String(file.path.dropLast(testFileSuffix.count)) + ".verdant"
    let name = base.split(separator: "/").last.map(String.init) ?? base
    return (try? loader.load(name, importedFrom: file)) != nil ? [name] : []
  }

  /// Compiles and runs one test file held in memory.
  public static func run(
    _ file: SourceFile, loader: some SourceLoader, catalogs: CatalogLoader = { _ in ([:], []) }
  ) -> TestFileReport {
    let result = Checker.check(
      file, loader: loader, implicitImports: implicitImports(of: file, loader: loader))
    guard let checked = result.ruleset else {
      return TestFileReport(path: file.path, diagnostics: result.diagnostics, cases: [], coverage: [])
    }
    let loaded = catalogs(checked)
    if loaded.diagnostics.containsErrors {
      return TestFileReport(
        path: file.path, diagnostics: result.diagnostics + loaded.diagnostics, cases: [],
        coverage: [])
    }
    let ruleset = CompiledRuleset(checked, catalogs: loaded.tables)
    var covered = Set<CoveragePoint>()
    var cases: [TestCaseReport] = []
    for test in ruleset.tests {
      let (report, points) = run(test, in: ruleset)
      cases.append(report)
      covered.formUnion(points)
    }
    return TestFileReport(
      path: file.path, diagnostics: result.diagnostics, cases: cases,
      coverage: coverage(of: checked, testFile: file, covered: covered))
  }

  /// Runs one test; returns its report and the coverage points it exercised.
  private static func run(_ compiled: CompiledTest, in ruleset: CompiledRuleset)
    -> (TestCaseReport, Set<CoveragePoint>)
  {
    let test = compiled.test
    let recorder = TraceRecorder()
    var frame = Frame(
      declarationCount: ruleset.explainingReaders.count, localCount: ruleset.checked.localCount,
      asOf: test.asOf, recorder: recorder)
    for (declaration, value) in test.inputs {
      frame.store(value, at: declaration.index)
    }
    var failures: [TestFailure] = []
    for expectation in compiled.expectations {
      do {
        if let sides = expectation.sides {
          let actual = try sides.actual(&frame)
          let expected = try sides.expected(&frame)
          if try !expectation.condition(&frame) {
            let subject = expectation.text.split(separator: "==").first.map {
              $0.trimmingCharacters(in: " ")
            } ?? expectation.text
            failures.append(
              TestFailure(
                span: expectation.span,
                message: "expected `\(subject)` to be \(expected), got \(actual)", actual: actual,
                expected: expected))
          }
        } else if try !expectation.condition(&frame) {
          failures.append(
            TestFailure(
              span: expectation.span, message: "expected `\(expectation.text)` to hold",
              actual: nil, expected: nil))
        }
      } catch let error as EvaluationError {
        failures.append(
          TestFailure(
            span: expectation.span,
            message: "evaluating `\(expectation.text)` failed: \(error.message) "
              + "(\(error.span.file.path):\(error.span.location), in `\(error.declaration)`)",
            actual: nil, expected: nil))
      } catch {
        failures.append(
          TestFailure(
            span: expectation.span, message: "evaluating `\(expectation.text)` failed: \(error)",
            actual: nil, expected: nil))
      }
    }
    return (
      TestCaseReport(name: test.name, span: test.span, failures: failures), recorder.covered
    )
  }

  /// Every branch, bin and row of the tested rulesets (not of the test file), marked covered
  /// or not.
  private static func coverage(
    of ruleset: CheckedRuleset, testFile: SourceFile, covered: Set<CoveragePoint>
  ) -> [CoverageEntry] {
    var entries: [CoverageEntry] = []
    func add(_ point: CoveragePoint, _ span: Span, _ description: String) {
      let location = span.location
      entries.append(
        CoverageEntry(
          path: span.file.path, line: location.line, column: location.column,
          description: description, covered: covered.contains(point)))
    }
    for declaration in ruleset.declarations where declaration.nameSpan.file !== testFile {
      let index = declaration.id.index
      switch declaration.kind {
      case .rule(let rule):
        for (number, branch) in rule.branches.enumerated() {
          let condition = branch.condition.map { "`\($0.span.text)`" } ?? "otherwise"
          add(
            CoveragePoint(declaration: index, part: number), branch.span,
            "rule `\(declaration.name)` branch \(number + 1) (\(condition))")
        }
      case .scorecard(let scorecard):
        for (part, characteristic) in scorecard.characteristics.enumerated() {
          for (item, bin) in characteristic.bins.enumerated() {
            let text = bin.condition == nil ? "otherwise" : "`\(bin.text)`"
            add(
              CoveragePoint(declaration: index, part: part, item: item), bin.span,
              "scorecard `\(declaration.name)` characteristic `\(characteristic.name)` bin \(text)")
          }
        }
      case .table(let table):
        for (number, row) in table.rows.enumerated() {
          add(
            CoveragePoint(declaration: index, part: number), row.span,
            "table `\(declaration.name)` row \(number + 1) (`\(row.text)`)")
        }
      default:
        break
      }
    }
    return entries
  }
}

extension Substring {
  /// The text without leading and trailing occurrences of a character.
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
