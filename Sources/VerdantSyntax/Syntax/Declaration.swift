/// One top-level declaration with its doc comment.
public struct Declaration: Sendable, Hashable {
  /// What is declared.
  public let kind: DeclarationKind
  /// The `///` comment above it.
  public let doc: String?
  /// The whole declaration.
  public let span: Span

  /// Creates a declaration.
  public init(kind: DeclarationKind, doc: String?, span: Span) {
    self.kind = kind
    self.doc = doc
    self.span = span
  }

  /// The declared name, where the declaration has one.
  public var name: Identifier? {
    switch kind {
    case .enumeration(let decl): return decl.name
    case .input(let decl), .record(let decl): return decl.name
    case .value(let decl): return decl.name
    case .parameter(let decl): return decl.name
    case .function(let decl): return decl.name
    case .rule(let decl): return decl.name
    case .scorecard(let decl): return decl.name
    case .table(let decl): return decl.name
    case .standard(let decl): return decl.name
    case .catalog(let decl): return decl.name
    case .importFile, .test, .regions, .equivalent: return nil
    }
  }
}

/// The kinds of top-level declarations.
public enum DeclarationKind: Sendable, Hashable {
  /// `enum Grade { A, B, C, D }`
  case enumeration(EnumDeclaration)
  /// `input supplier { … }`
  case input(RecordDeclaration)
  /// `record Address { … }`
  case record(RecordDeclaration)
  /// `let name: T = expr`
  case value(LetDeclaration)
  /// `param name: T { DATE: value … }`
  case parameter(ParamDeclaration)
  /// `fn name(a: T): R = expr`
  case function(FunctionDeclaration)
  /// `import "common.verdant"`
  case importFile(ImportDeclaration)
  /// `rule name: T { when … => … }`
  case rule(RuleDeclaration)
  /// `scorecard name { … }`
  case scorecard(ScorecardDeclaration)
  /// `table name: T hit … { … }`
  case table(TableDeclaration)
  /// `test "name" { … }` (in test files)
  case test(TestDeclaration)
  /// `regions { … }`
  case regions(RegionsDeclaration)
  /// `standard name(…): T { default in R = … }`
  case standard(StandardDeclaration)
  /// `equivalent { "code" in R, … }`
  case equivalent(EquivalentDeclaration)
  /// `catalog name from xml "…" …`
  case catalog(CatalogDeclaration)
}

/// `enum Name { A, B, C }`.
public struct EnumDeclaration: Sendable, Hashable {
  /// The enum's name.
  public let name: Identifier
  /// The cases in declaration order (the order `<` uses).
  public let cases: [Identifier]

  /// Creates an enum declaration.
  public init(name: Identifier, cases: [Identifier]) {
    self.name = name
    self.cases = cases
  }
}

/// The body of `input` and `record`: named, typed fields.
public struct RecordDeclaration: Sendable, Hashable {
  /// One field.
  public struct Field: Sendable, Hashable {
    /// The field name.
    public let name: Identifier
    /// Its type.
    public let type: TypeSyntax
    /// Its doc comment.
    public let doc: String?

    /// Creates a field.
    public init(name: Identifier, type: TypeSyntax, doc: String?) {
      self.name = name
      self.type = type
      self.doc = doc
    }
  }

  /// The record's name.
  public let name: Identifier
  /// Its fields in declaration order.
  public let fields: [Field]

  /// Creates a record declaration.
  public init(name: Identifier, fields: [Field]) {
    self.name = name
    self.fields = fields
  }
}

/// `[output] let name[: T] = expr`.
public struct LetDeclaration: Sendable, Hashable {
  /// The name.
  public let name: Identifier
  /// The annotated type, if written.
  public let type: TypeSyntax?
  /// The defining expression.
  public let value: Expr
  /// Whether it was marked `output`: a result meant for callers, so never "unused".
  public let isOutput: Bool

  /// Creates a `let` declaration.
  public init(name: Identifier, type: TypeSyntax?, value: Expr, isOutput: Bool) {
    self.name = name
    self.type = type
    self.value = value
    self.isOutput = isOutput
  }
}

/// `param name: T { 2024-01-01: value … }`: a value that changes on given dates.
public struct ParamDeclaration: Sendable, Hashable {
  /// One dated value.
  public struct Version: Sendable, Hashable {
    /// The first day the value applies.
    public let date: DateLiteral
    /// The value from that day on.
    public let value: Expr

    /// Creates a version.
    public init(date: DateLiteral, value: Expr) {
      self.date = date
      self.value = value
    }
  }

  /// The name.
  public let name: Identifier
  /// The declared type.
  public let type: TypeSyntax
  /// The versions as written.
  public let versions: [Version]

  /// Creates a parameter declaration.
  public init(name: Identifier, type: TypeSyntax, versions: [Version]) {
    self.name = name
    self.type = type
    self.versions = versions
  }
}

/// `fn name(a: T, b: U): R = expr`: a pure, non-recursive helper.
public struct FunctionDeclaration: Sendable, Hashable {
  /// One parameter.
  public struct Parameter: Sendable, Hashable {
    /// Its name.
    public let name: Identifier
    /// Its type.
    public let type: TypeSyntax

    /// Creates a parameter.
    public init(name: Identifier, type: TypeSyntax) {
      self.name = name
      self.type = type
    }
  }

  /// The function's name.
  public let name: Identifier
  /// Its parameters.
  public let parameters: [Parameter]
  /// The declared result type.
  public let resultType: TypeSyntax
  /// The body.
  public let body: Expr

  /// Creates a function declaration.
  public init(name: Identifier, parameters: [Parameter], resultType: TypeSyntax, body: Expr) {
    self.name = name
    self.parameters = parameters
    self.resultType = resultType
    self.body = body
  }
}

/// `import "common.verdant"`.
public struct ImportDeclaration: Sendable, Hashable {
  /// The path, relative to the importing file.
  public let path: StringLiteral

  /// Creates an import.
  public init(path: StringLiteral) { self.path = path }
}

/// `rule name: T { when c => v because "…" … otherwise => v }`.
public struct RuleDeclaration: Sendable, Hashable {
  /// One branch; `condition` is `nil` for `otherwise`.
  public struct Branch: Sendable, Hashable {
    /// The condition, or `nil` for `otherwise`.
    public let condition: Expr?
    /// The outcome.
    public let value: Expr
    /// The `because "…"` reason.
    public let reason: StringLiteral?
    /// The whole branch.
    public let span: Span

    /// Creates a branch.
    public init(condition: Expr?, value: Expr, reason: StringLiteral?, span: Span) {
      self.condition = condition
      self.value = value
      self.reason = reason
      self.span = span
    }

    /// Whether this is the `otherwise` branch.
    public var isOtherwise: Bool { condition == nil }
  }

  /// The rule's name.
  public let name: Identifier
  /// The annotated outcome type, if written.
  public let type: TypeSyntax?
  /// The branches in order; first match wins.
  public let branches: [Branch]

  /// Creates a rule declaration.
  public init(name: Identifier, type: TypeSyntax?, branches: [Branch]) {
    self.name = name
    self.type = type
    self.branches = branches
  }
}
