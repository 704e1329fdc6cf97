import VerdantCatalog

/// Where the rows of a ruleset's catalogs come from when it is compiled.
public struct CatalogOptions: Sendable {
  /// Rows supplied directly by catalog name, instead of reading XML or snapshots. Each row maps
  /// field names to values; rows are validated against the catalog's declared types.
  public var rows: [String: [[String: Value]]]
  /// Whether a snapshot at the catalog's snapshot path is used instead of the XML.
  public var usesSnapshots: Bool
  /// Limits for parsing XML.
  public var limits: XMLLimits

  /// Creates options: no supplied rows, snapshots used, default limits.
  public init(
    rows: [String: [[String: Value]]] = [:], usesSnapshots: Bool = true,
    limits: XMLLimits = .default
  ) {
    self.rows = rows
    self.usesSnapshots = usesSnapshots
    self.limits = limits
  }
}

extension DiagnosticCode {
  /// A snapshot was rejected: corrupt, or made from another XML file or mapping.
  public static let snapshotRejected = DiagnosticCode(rawValue: "V3020")
  /// Rows supplied from Swift do not fit the catalog.
  public static let invalidCatalogRows = DiagnosticCode(rawValue: "V3021")
}

extension Ruleset {
  /// Loads the tables of a checked ruleset's catalogs: supplied rows, else a valid snapshot,
  /// else the XML.
  /// - Parameters:
  ///   - ruleset: The checked ruleset.
  ///   - options: Supplied rows and loading options.
  /// - Returns: The tables by catalog name, and warnings (e.g. a record path matching nothing).
  /// - Throws: ``CompilationError`` with every catalog error.
  public static func loadCatalogs(for ruleset: CheckedRuleset, options: CatalogOptions = .init())
    throws(CompilationError) -> (tables: [String: CatalogTable], warnings: [Diagnostic])
  {
    var tables: [String: CatalogTable] = [:]
    var diagnostics: [Diagnostic] = []
    for catalog in ruleset.catalogs {
      switch load(catalog, options: options) {
      case .success(let loaded):
        tables[catalog.name] = loaded.table
        diagnostics += loaded.warnings
      case .failure(let error):
        diagnostics += error.diagnostics
      }
    }
    guard !diagnostics.containsErrors else { throw CompilationError(diagnostics: diagnostics) }
    return (tables, diagnostics)
  }

  /// A catalog loader for ``RulesetTestRunner``: it loads the catalogs of each test file's
  /// ruleset the way ``compile(contentsOfFile:loader:catalogs:)`` does.
  public static func catalogLoader(options: CatalogOptions = .init())
    -> @Sendable (CheckedRuleset) -> (tables: [String: CatalogTable], diagnostics: [Diagnostic])
  {
    { ruleset in
      switch Result(catching: { () throws(CompilationError) in
        try loadCatalogs(for: ruleset, options: options)
      }) {
      case .success(let loaded): return (loaded.tables, loaded.warnings)
      case .failure(let error): return ([:], error.diagnostics)
      }
    }
  }

  /// Loads one catalog.
  private static func load(_ catalog: CheckedCatalog, options: CatalogOptions)
    -> Result<(table: CatalogTable, warnings: [Diagnostic]), CompilationError>
  {
    let mapping = catalog.mapping
    if let rows = options.rows[catalog.name] {
      return table(from: rows, catalog: catalog).map { ($0, []) }
    }
    if options.usesSnapshots, FileSystem.exists(atPath: catalog.snapshotPath) {
      do {
        let table = try CatalogSnapshot.read(
          at: catalog.snapshotPath, mapping: mapping, xmlPath: catalog.xmlPath)
        return .success((table, []))
      } catch {
        return .failure(CompilationError(diagnostics: [
          Diagnostic(
            .error, .snapshotRejected, "cannot use the snapshot of catalog `\(catalog.name)`: \(error)",
            at: catalog.span,
            help: "re-run `verdant import \(catalog.xmlPath) --ruleset \(catalog.span.file.path) --catalog \(catalog.name) "
              + "-o \(catalog.snapshotPath)`, or delete the snapshot to read the XML")
        ]))
      }
    }
    var warnings: [Diagnostic] = []
    do {
      let table = try CatalogImporter.importXML(
        at: catalog.xmlPath, schema: catalog.schemaPath, mapping: mapping, limits: options.limits,
        warnings: &warnings)
      return .success((table, warnings))
    } catch {
      return .failure(CompilationError(diagnostics: error.diagnostics))
    }
  }

  /// A table from rows supplied in Swift, validated against the catalog's field types.
  private static func table(from rows: [[String: Value]], catalog: CheckedCatalog)
    -> Result<CatalogTable, CompilationError>
  {
    let mapping = catalog.mapping
    let validator = ValueValidator(regions: mapping.regions)
    var issues: [InputIssue] = []
    var records: [RecordValue] = []
    for (index, row) in rows.enumerated() {
      let path = "\(catalog.name)[\(index)]"
      for key in row.keys.sorted() where mapping.rowType.fieldIndex(named: key) == nil {
        issues.append(InputIssue(path: "\(path).\(key)", message: "unknown field `\(key)`"))
      }
      let fields = mapping.rowType.fields.map { field in
        validator.validate(
          row[field.name] ?? .absent, as: field.type, at: "\(path).\(field.name)", issues: &issues)
      }
      records.append(RecordValue(type: mapping.rowType, fields: fields))
    }
    func failure(_ message: String) -> Result<CatalogTable, CompilationError> {
      .failure(
        CompilationError(diagnostics: [
          Diagnostic(.error, .invalidCatalogRows, message, at: catalog.span)
        ]))
    }
    if let issue = issues.first {
      return failure("rows supplied for catalog `\(catalog.name)` do not fit: \(issue)")
    }
    do {
      return .success(
        try CatalogTable(
          name: catalog.name, rowType: mapping.rowType, rows: records, keyField: mapping.keyField,
          allowsDuplicateKeys: mapping.allowsDuplicateKeys, source: "rows supplied from Swift"))
    } catch {
      return failure("rows supplied for catalog `\(catalog.name)`: \(error)")
    }
  }
}
