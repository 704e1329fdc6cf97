import VerdantSyntax
import VerdantValues

/// A checked, typed ruleset: the output of the checker and the input of the compiler.
///
/// It is immutable and self-contained: every name is resolved to an identifier, every
/// expression typed, every operator resolved, and declarations come in an order where each
/// follows everything it reads.
public final class CheckedRuleset: Sendable {
  /// The ruleset's name from its header (the file name when there is no header).
  public let name: String
  /// The version text from the header.
  public let version: String?
  /// The authority from the header.
  public let authority: String?
  /// The effective date from the header.
  public let effective: CivilDate?
  /// The main file and every imported file, main first.
  public let sources: [SourceFile]
  /// `sha256:` and the hex digest of every source, in load order.
  public let contentHash: String
  /// Every value declaration (inputs, lets, params, rules), indexed by ``DeclarationID``.
  public let declarations: [CheckedDeclaration]
  /// User functions, indexed by ``FunctionID``.
  public let functions: [CheckedFunction]
  /// Declared enums.
  public let enums: [EnumType]
  /// Declared records (inputs included).
  public let records: [RecordType]
  /// The region hierarchy (empty when none is declared).
  public let regions: RegionHierarchy
  /// The declarations reported by default: the main file's `let`s and `rule`s in source order.
  public let defaultOutputs: [DeclarationID]
  /// Declarations in dependency order (each after everything it reads).
  public let evaluationOrder: [DeclarationID]
  /// How many local slots an evaluation frame needs.
  public let localCount: Int
  /// Warnings found while checking (errors prevent a checked ruleset from existing).
  public let warnings: [Diagnostic]
  /// The tests declared in the main file (for `*.test.verdant` files).
  public let tests: [CheckedTest]
  /// Regional standards, indexed by ``StandardID``.
  public let standards: [CheckedStandard]
  /// XML catalogs, indexed by ``CatalogID``.
  public let catalogs: [CheckedCatalog]
  /// Declared mutual recognition of codes.
  public let equivalence: EquivalenceTable

  /// Creates a checked ruleset. The checker is the only intended caller.
  public init(
    name: String, version: String?, authority: String?, effective: CivilDate?,
    sources: [SourceFile], contentHash: String, declarations: [CheckedDeclaration],
    functions: [CheckedFunction], enums: [EnumType], records: [RecordType],
    regions: RegionHierarchy, defaultOutputs: [DeclarationID], evaluationOrder: [DeclarationID],
    localCount: Int, warnings: [Diagnostic], tests: [CheckedTest] = [],
    standards: [CheckedStandard] = [], catalogs: [CheckedCatalog] = [],
    equivalence: EquivalenceTable = .empty
  ) {
    self.name = name
    self.version = version
    self.authority = authority
    self.effective = effective
    self.sources = sources
    self.contentHash = contentHash
    self.declarations = declarations
    self.functions = functions
    self.enums = enums
    self.records = records
    self.regions = regions
    self.defaultOutputs = defaultOutputs
    self.evaluationOrder = evaluationOrder
    self.localCount = localCount
    self.warnings = warnings
    self.tests = tests
    self.standards = standards
    self.catalogs = catalogs
    self.equivalence = equivalence
  }

  /// The declaration with a given name, if any.
  public func declaration(named name: String) -> CheckedDeclaration? {
    declarations.first { $0.name == name }
  }

  /// The input declarations, in declaration order.
  public var inputs: [CheckedDeclaration] {
    declarations.filter {
      if case .input = $0.kind { return true }
      return false
    }
  }
}

/// One checked value declaration.
public struct CheckedDeclaration: Sendable {
  /// What kind of declaration it is, with its checked body.
  public enum Kind: Sendable {
    /// `input name { … }`: one record value per evaluation.
    case input(RecordType)
    /// `let name = expr`.
    case value(TypedExpr)
    /// `param name: T { … }`: versions in increasing date order.
    case parameter([ParameterVersion])
    /// `rule name { … }`.
    case rule(CheckedRule)
    /// `scorecard name { … }`.
    case scorecard(CheckedScorecard)
    /// `table name … { … }`.
    case table(CheckedTable)
  }

  /// Its identifier and frame slot.
  public let id: DeclarationID
  /// Its name.
  public let name: String
  /// The checked body.
  public let kind: Kind
  /// Its type.
  public let type: ValueType
  /// The span of its name.
  public let nameSpan: Span
  /// Its doc comment.
  public let doc: String?
  /// The declarations its body reads.
  public let dependencies: [DeclarationID]

  /// Creates a checked declaration.
  public init(
    id: DeclarationID, name: String, kind: Kind, type: ValueType, nameSpan: Span, doc: String?,
    dependencies: [DeclarationID]
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.type = type
    self.nameSpan = nameSpan
    self.doc = doc
    self.dependencies = dependencies
  }

  /// A short word for the kind: `input`, `let`, `param`, `rule`.
  public var kindName: String {
    switch kind {
    case .input: return "input"
    case .value: return "let"
    case .parameter: return "param"
    case .rule: return "rule"
    case .scorecard: return "scorecard"
    case .table: return "table"
    }
  }
}

/// One dated value of a parameter.
public struct ParameterVersion: Sendable {
  /// The first day the value applies.
  public let date: CivilDate
  /// The value.
  public let value: Value
  /// Where the version was written.
  public let span: Span

  /// Creates a version.
  public init(date: CivilDate, value: Value, span: Span) {
    self.date = date
    self.value = value
    self.span = span
  }
}

/// A checked rule: branches in order, first match wins.
public struct CheckedRule: Sendable {
  /// The branches; the last may be `otherwise` (no condition).
  public let branches: [CheckedBranch]

  /// Creates a checked rule.
  public init(branches: [CheckedBranch]) { self.branches = branches }
}

/// One checked branch.
public struct CheckedBranch: Sendable {
  /// The condition, or `nil` for `otherwise`.
  public let condition: TypedExpr?
  /// The outcome.
  public let value: TypedExpr
  /// The `because` reason.
  public let reason: String?
  /// The whole branch.
  public let span: Span

  /// Creates a checked branch.
  public init(condition: TypedExpr?, value: TypedExpr, reason: String?, span: Span) {
    self.condition = condition
    self.value = value
    self.reason = reason
    self.span = span
  }
}

/// A checked user function.
public struct CheckedFunction: Sendable {
  /// One parameter with its local slot.
  public struct Parameter: Sendable {
    /// Its name.
    public let name: String
    /// Its slot.
    public let local: LocalID
    /// Its type.
    public let type: ValueType

    /// Creates a parameter.
    public init(name: String, local: LocalID, type: ValueType) {
      self.name = name
      self.local = local
      self.type = type
    }
  }

  /// Its identifier.
  public let id: FunctionID
  /// Its name.
  public let name: String
  /// Its parameters.
  public let parameters: [Parameter]
  /// Its result type.
  public let resultType: ValueType
  /// Its body.
  public let body: TypedExpr
  /// The span of its name.
  public let nameSpan: Span

  /// Creates a checked function.
  public init(
    id: FunctionID, name: String, parameters: [Parameter], resultType: ValueType,
    body: TypedExpr, nameSpan: Span
  ) {
    self.id = id
    self.name = name
    self.parameters = parameters
    self.resultType = resultType
    self.body = body
    self.nameSpan = nameSpan
  }
}
