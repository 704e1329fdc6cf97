import VerdantSyntax
import VerdantValues

/// Identifies a standard of a checked ruleset.
public struct StandardID: Sendable, Hashable {
  /// The index into ``CheckedRuleset/standards``.
  public let index: Int

  /// Creates an identifier.
  public init(_ index: Int) { self.index = index }
}

/// Identifies a catalog of a checked ruleset.
public struct CatalogID: Sendable, Hashable {
  /// The index into ``CheckedRuleset/catalogs``.
  public let index: Int

  /// Creates an identifier.
  public init(_ index: Int) { self.index = index }
}

/// A checked regional standard: definitions per region, resolved most-specific-first.
public struct CheckedStandard: Sendable {
  /// One regional definition.
  public struct Case: Sendable {
    /// The region it is declared for.
    public let region: Int
    /// Whether it was written `default`.
    public let isDefault: Bool
    /// The value.
    public let body: TypedExpr
    /// Where it was written.
    public let span: Span
  }

  /// Its identifier.
  public let id: StandardID
  /// Its name.
  public let name: String
  /// Its parameters (the region comes separately).
  public let parameters: [CheckedFunction.Parameter]
  /// Its result type.
  public let resultType: ValueType
  /// Its regional definitions.
  public let cases: [Case]
  /// Where its name was written.
  public let nameSpan: Span

  /// Creates a checked standard.
  public init(
    id: StandardID, name: String, parameters: [CheckedFunction.Parameter], resultType: ValueType,
    cases: [Case], nameSpan: Span
  ) {
    self.id = id
    self.name = name
    self.parameters = parameters
    self.resultType = resultType
    self.cases = cases
    self.nameSpan = nameSpan
  }

  /// For a region, the cases that apply, most specific first: those declared for the region,
  /// then its parent, and so on to the root.
  public func applicableCases(for region: Int, in hierarchy: RegionHierarchy) -> [Int] {
    var chain: [Int] = []
    var current: Int? = region
    while let node = current {
      chain += cases.indices.filter { cases[$0].region == node }
      current = hierarchy.parents[node]
    }
    return chain
  }
}

/// A checked catalog: where its XML is, and how it maps to rows.
public struct CheckedCatalog: Sendable {
  /// Its identifier.
  public let id: CatalogID
  /// The mapping from XML to rows.
  public let mapping: CatalogMapping
  /// The XML file, resolved against the ruleset's directory.
  public let xmlPath: String
  /// The XSD, resolved, if any.
  public let schemaPath: String?
  /// Where a pre-imported snapshot is looked for: the `snapshot` path, or `NAME.vcat` beside the
  /// XML.
  public let snapshotPath: String
  /// Whether the snapshot path was written in the ruleset (then it must exist).
  public let snapshotIsDeclared: Bool
  /// Where the catalog was declared.
  public let span: Span

  /// Creates a checked catalog.
  public init(
    id: CatalogID, mapping: CatalogMapping, xmlPath: String, schemaPath: String?,
    snapshotPath: String, snapshotIsDeclared: Bool, span: Span
  ) {
    self.id = id
    self.mapping = mapping
    self.xmlPath = xmlPath
    self.schemaPath = schemaPath
    self.snapshotPath = snapshotPath
    self.snapshotIsDeclared = snapshotIsDeclared
    self.span = span
  }

  /// The catalog's name.
  public var name: String { mapping.name }
}

/// Mutual recognition: classes of codes declared equivalent, each with the regions where its
/// members are valid.
public struct EquivalenceTable: Sendable {
  /// For each code, its class.
  public let classes: [String: Int]
  /// For each class, the regions (with the code valid there).
  public let members: [[(code: String, region: Int)]]

  /// Creates a table.
  public init(classes: [String: Int], members: [[(code: String, region: Int)]]) {
    self.classes = classes
    self.members = members
  }

  /// No equivalences.
  public static let empty = EquivalenceTable(classes: [:], members: [])
}
