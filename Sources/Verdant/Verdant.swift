@_exported import VerdantCatalog
@_exported import VerdantRuntime
@_exported import VerdantSemantics
@_exported import VerdantSyntax
@_exported import VerdantValues

/// The Verdant rules engine: compile a ruleset once, evaluate it many times.
///
/// ```swift
/// import Verdant
///
/// let ruleset = try Ruleset.compile(contentsOfFile: "rulesets/supplier-green-credit.verdant")
/// let inputs = try ruleset.inputs(json: Array(jsonText.utf8))
/// let result = try ruleset.evaluate(inputs, asOf: CivilDate(iso8601: "2025-09-01")!)
/// print(result["grade"] ?? .absent)
/// ```
public enum Ruleset {
  /// The version of the Verdant library.
  public static let libraryVersion = "0.1.0"

  /// Checks a ruleset without compiling it: every diagnostic, and the checked program when
  /// there are no errors. A test file (`x.test.verdant`) is checked with the ruleset it tests
  /// (`x.verdant`), as `verdant test` runs it.
  /// - Parameters:
  ///   - file: The ruleset source.
  ///   - loader: Supplies imported files.
  /// - Returns: The check result.
  public static func check(_ file: SourceFile, loader: some SourceLoader = FileSystemSourceLoader())
    -> CheckResult
  {
    Checker.check(
      file, loader: loader,
      implicitImports: RulesetTestRunner.implicitImports(of: file, loader: loader))
  }

  /// Compiles a ruleset from source text.
  /// - Parameters:
  ///   - source: The ruleset text.
  ///   - path: The path shown in diagnostics; imports resolve relative to it.
  ///   - loader: Supplies imported files (by default, the file system).
  /// - Returns: The compiled ruleset; its ``CompiledRuleset/warnings`` hold any warnings.
  /// - Throws: ``CompilationError`` with every diagnostic when the ruleset has errors.
  public static func compile(
    source: String, path: String = "<source>",
    loader: some SourceLoader = FileSystemSourceLoader(), catalogs: CatalogOptions = .init()
  ) throws(CompilationError) -> CompiledRuleset {
    try compile(SourceFile(path: path, text: source), loader: loader, catalogs: catalogs)
  }

  /// Compiles a ruleset file and the files it imports, loading its catalogs.
  /// - Parameters:
  ///   - path: The ruleset's path.
  ///   - loader: Supplies imported files (by default, the file system).
  ///   - catalogs: Where catalog rows come from (by default snapshots or the XML files).
  /// - Throws: ``CompilationError`` when the file cannot be read or has errors.
  public static func compile(
    contentsOfFile path: String, loader: some SourceLoader = FileSystemSourceLoader(),
    catalogs: CatalogOptions = .init()
  ) throws(CompilationError) -> CompiledRuleset {
    let text: String
    do {
      text = try FileSystem.readText(atPath: path)
    } catch {
      throw CompilationError(unreadable: error)
    }
    return try compile(SourceFile(path: path, text: text), loader: loader, catalogs: catalogs)
  }

  /// Checks a source file, loads its catalogs and compiles it.
  public static func compile(
    _ file: SourceFile, loader: some SourceLoader, catalogs: CatalogOptions = .init()
  ) throws(CompilationError) -> CompiledRuleset {
    let result = Checker.check(file, loader: loader)
    guard let checked = result.ruleset else {
      throw CompilationError(diagnostics: result.diagnostics)
    }
    let loaded = try loadCatalogs(for: checked, options: catalogs)
    return CompiledRuleset(checked, catalogs: loaded.tables, additionalWarnings: loaded.warnings)
  }
}

/// A ruleset that could not be compiled, with every diagnostic found.
public struct CompilationError: Error, Sendable, CustomStringConvertible {
  /// Errors and warnings, sorted by location.
  public let diagnostics: [Diagnostic]
  /// Set when the ruleset file itself could not be read.
  public let unreadable: FileSystem.ReadError?

  /// Creates an error from diagnostics.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
    self.unreadable = nil
  }

  /// Creates an error for a file that could not be read.
  public init(unreadable: FileSystem.ReadError) {
    self.diagnostics = []
    self.unreadable = unreadable
  }

  /// The errors only.
  public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

  /// One line per diagnostic, in the short form.
  public var description: String {
    if let unreadable { return unreadable.description }
    return ShortRenderer().render(diagnostics)
  }
}

extension CompiledRuleset {
  /// Binds JSON inputs and evaluates in one step.
  /// - Parameters:
  ///   - json: A document mapping input names to objects.
  ///   - asOf: The date that selects parameter versions.
  ///   - outputs: Output names, or `nil` for the defaults.
  /// - Throws: ``InputError``, ``OutputSelectionError`` or ``EvaluationError``.
  public func evaluate(json: some Collection<UInt8>, asOf: CivilDate, outputs: [String]? = nil)
    throws -> EvaluationResult
  {
    let selection = try self.outputs(named: outputs)
    return try evaluate(inputs(json: json), asOf: asOf, outputs: selection)
  }

  /// Binds an `Encodable` value as inputs and evaluates in one step.
  /// - Throws: ``InputError``, ``OutputSelectionError`` or ``EvaluationError``.
  public func evaluate(encoding value: some Encodable, asOf: CivilDate, outputs: [String]? = nil)
    throws -> EvaluationResult
  {
    let selection = try self.outputs(named: outputs)
    return try evaluate(inputs(encoding: value), asOf: asOf, outputs: selection)
  }
}
