import VerdantSyntax
import VerdantValues

/// Checks a ruleset: resolves names and imports, infers and checks types, rejects cycles and
/// incomplete rules, and produces a ``CheckedRuleset``.
///
/// The checker reports every problem it finds in one run. After an error it gives the failing
/// expression the error type, which unifies with everything, so one mistake yields one
/// diagnostic rather than a cascade.
public enum Checker {
  /// Checks a ruleset file and everything it imports.
  /// - Parameters:
  ///   - file: The main ruleset file.
  ///   - loader: Supplies imported files.
  ///   - implicitImports: Files imported as if the main file began with `import` of each
  ///     (a test file imports the ruleset it tests this way).
  /// - Returns: The checked ruleset (`nil` when there are errors) and every diagnostic, sorted by
  ///   file, line and column.
  public static func check(
    _ file: SourceFile, loader: some SourceLoader = FileSystemSourceLoader(),
    implicitImports: [String] = []
  ) -> CheckResult {
    let session = CheckerSession(loader: loader)
    session.implicitImports = implicitImports
    let ruleset = session.run(main: file)
    return CheckResult(
      ruleset: ruleset, diagnostics: session.diagnostics.diagnostics.sortedByLocation())
  }
}

/// The outcome of checking: a ruleset when there were no errors, and all diagnostics.
public struct CheckResult: Sendable {
  /// The checked ruleset, or `nil` when any error was reported.
  public let ruleset: CheckedRuleset?
  /// Errors and warnings, sorted by location.
  public let diagnostics: [Diagnostic]

  /// Creates a result.
  public init(ruleset: CheckedRuleset?, diagnostics: [Diagnostic]) {
    self.ruleset = ruleset
    self.diagnostics = diagnostics
  }
}

/// The mutable state of one checker run.
final class CheckerSession {
  enum State { case unchecked, checking, checked }

  /// A value declaration on its way through the checker.
  struct PendingDeclaration {
    let syntax: Declaration
    let name: Identifier
    let file: SourceFile
    let isMainFile: Bool
    var state = State.unchecked
    var type: ValueType?
    /// A table's written output type (its value type depends on the hit policy).
    var annotation: ValueType?
    var kind: CheckedDeclaration.Kind?
    var dependencies = DependencySink()
  }

  /// A user function on its way through the checker.
  struct PendingFunction {
    let syntax: FunctionDeclaration
    var parameters: [CheckedFunction.Parameter] = []
    var resultType = ValueType.error
    var body: TypedExpr?
    var state = State.unchecked
    var dependencies = DependencySink()
  }

  /// A regional standard on its way through the checker.
  struct PendingStandard {
    let syntax: StandardDeclaration
    var parameters: [CheckedFunction.Parameter] = []
    var resultType = ValueType.error
    var cases: [CheckedStandard.Case] = []
    var state = State.unchecked
    var dependencies = DependencySink()
  }

  /// What a value name refers to.
  enum Symbol {
    case declaration(Int)
    case function(Int)
    case standard(Int)
    case catalog(Int)
  }

  let loader: any SourceLoader
  var implicitImports: [String] = []
  var diagnostics = DiagnosticCollector()
  var units: [RulesetSyntax] = []
  var mainFile: SourceFile?

  var enums: [String: (type: EnumType, span: Span)] = [:]
  var enumOrder: [EnumType] = []
  var records: [String: (type: RecordType, span: Span)] = [:]
  var recordOrder: [RecordType] = []
  var declaredRecordNames = Set<String>()
  var regions = RegionHierarchy.empty

  var symbols: [String: Symbol] = [:]
  var declarations: [PendingDeclaration] = []
  var functions: [PendingFunction] = []
  var standards: [PendingStandard] = []
  /// Checked catalogs by index (declarations whose mapping failed have no entry).
  var catalogs: [Int: CheckedCatalog] = [:]
  var catalogCount = 0
  var localCount = 0
  var dependencyStack: [DependencySink] = []

  init(loader: any SourceLoader) {
    self.loader = loader
  }

  // MARK: - Run

  func run(main: SourceFile) -> CheckedRuleset? {
    mainFile = main
    loadUnits(main: main)
    declareRegions()
    declareTypes()
    declareValues()
    for index in functions.indices { resolveSignature(index) }
    for index in standards.indices { resolveStandardSignature(index) }
    for index in declarations.indices { checkDeclaration(index) }
    for index in functions.indices { checkFunctionBody(index) }
    for index in standards.indices { checkStandardBody(index) }
    let equivalence = checkEquivalences()
    let tests = checkTests()
    reportCycles()
    reportUnusedLets()
    guard !diagnostics.hasErrors else { return nil }
    return makeRuleset(main: main, tests: tests, equivalence: equivalence)
  }

  // MARK: - Reporting

  func report(_ diagnostic: Diagnostic) {
    diagnostics.report(diagnostic)
  }

  /// Records that the body being checked reads a declaration.
  func noteDependency(onDeclaration index: Int, at span: Span) {
    guard !dependencyStack.isEmpty else { return }
    if dependencyStack[dependencyStack.count - 1].declarations[index] == nil {
      dependencyStack[dependencyStack.count - 1].declarations[index] = span
    }
  }

  /// Records that the body being checked calls a standard.
  func noteDependency(onStandard index: Int, at span: Span) {
    guard !dependencyStack.isEmpty else { return }
    if dependencyStack[dependencyStack.count - 1].standards[index] == nil {
      dependencyStack[dependencyStack.count - 1].standards[index] = span
    }
  }

  /// Records that the body being checked calls a function.
  func noteDependency(onFunction index: Int, at span: Span) {
    guard !dependencyStack.isEmpty else { return }
    if dependencyStack[dependencyStack.count - 1].functions[index] == nil {
      dependencyStack[dependencyStack.count - 1].functions[index] = span
    }
  }

  func newLocal() -> LocalID {
    defer { localCount += 1 }
    return LocalID(localCount)
  }

  // MARK: - Result

  func makeRuleset(main: SourceFile, tests: [CheckedTest], equivalence: EquivalenceTable)
    -> CheckedRuleset
  {
    var checked: [CheckedDeclaration] = []
    for (index, pending) in declarations.enumerated() {
      guard let kind = pending.kind else { continue }
      checked.append(
        CheckedDeclaration(
          id: DeclarationID(index), name: pending.name.name, kind: kind,
          type: pending.type ?? .error, nameSpan: pending.name.span, doc: pending.syntax.doc,
          dependencies: pending.dependencies.declarations.keys.sorted().map(DeclarationID.init)))
    }
    let checkedFunctions = functions.enumerated().compactMap { index, pending -> CheckedFunction? in
      guard let body = pending.body else { return nil }
      return CheckedFunction(
        id: FunctionID(index), name: pending.syntax.name.name, parameters: pending.parameters,
        resultType: pending.resultType, body: body, nameSpan: pending.syntax.name.span)
    }
    let outputs = declarations.indices.filter { index in
      guard declarations[index].isMainFile else { return false }
      switch declarations[index].syntax.kind {
      case .value, .rule, .scorecard, .table: return true
      default: return false
      }
    }.map(DeclarationID.init)
    let header = units.first { $0.file === main }?.header
    // The hash covers the texts only (not their paths), main file first, so the same rules
    // give the same hash wherever they are stored. Each text is length-prefixed so that
    // moving text between files changes the hash.
    let sources = [main] + units.map(\.file).filter { $0 !== main }
    var hasher = SHA256()
    for source in sources {
      hasher.update(String(source.bytes.count).utf8)
      hasher.update([0])
      hasher.update(source.bytes)
    }
    return CheckedRuleset(
      name: header?.name.value ?? Self.baseName(main.path),
      version: header?.version?.value, authority: header?.authority?.value,
      effective: header?.effective.flatMap { CivilDate(iso8601: $0.text) },
      sources: sources, contentHash: "sha256:" + Self.hex(hasher.finalize()),
      declarations: checked, functions: checkedFunctions, enums: enumOrder,
      records: recordOrder, regions: regions, defaultOutputs: outputs,
      evaluationOrder: evaluationOrder(), localCount: localCount,
      warnings: diagnostics.diagnostics.filter { !$0.isError }.sortedByLocation(), tests: tests,
      standards: standards.enumerated().map { index, pending in
        CheckedStandard(
          id: StandardID(index), name: pending.syntax.name.name, parameters: pending.parameters,
          resultType: pending.resultType, cases: pending.cases, nameSpan: pending.syntax.name.span)
      },
      catalogs: (0..<catalogCount).compactMap { catalogs[$0] }, equivalence: equivalence)
  }

  static func baseName(_ path: String) -> String {
    let last = path.split(separator: "/").last.map(String.init) ?? path
    return last.hasSuffix(".verdant") ? String(last.dropLast(8)) : last
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// The declarations and functions a body reads, with the span of the first read of each.
struct DependencySink {
  var declarations: [Int: Span] = [:]
  var functions: [Int: Span] = [:]
  var standards: [Int: Span] = [:]
}
