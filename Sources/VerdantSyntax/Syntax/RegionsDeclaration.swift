/// `regions { CN { CN-ZJ { CN-ZJ-HZ } CN-SD } EU { EU-DE, EU-FR } }`: the region hierarchy.
public struct RegionsDeclaration: Sendable, Hashable {
  /// A region and the regions below it.
  public struct Node: Sendable, Hashable {
    /// The region code as written.
    public let code: Identifier
    /// The regions directly below it.
    public let children: [Node]

    /// Creates a node.
    public init(code: Identifier, children: [Node]) {
      self.code = code
      self.children = children
    }
  }

  /// The top-level regions.
  public let roots: [Node]

  /// Creates a regions declaration.
  public init(roots: [Node]) { self.roots = roots }
}

/// `standard NAME(params): T { default in R = expr  exception in R2 = expr … }`: a value
/// whose definition depends on the region it is asked for.
public struct StandardDeclaration: Sendable, Hashable {
  /// One regional definition.
  public struct Case: Sendable, Hashable {
    /// Whether it was written `default` (otherwise `exception`).
    public let isDefault: Bool
    /// The region it applies to (and below).
    public let region: Expr
    /// The value there.
    public let value: Expr
    /// The whole case.
    public let span: Span

    /// Creates a case.
    public init(isDefault: Bool, region: Expr, value: Expr, span: Span) {
      self.isDefault = isDefault
      self.region = region
      self.value = value
      self.span = span
    }
  }

  /// The standard's name.
  public let name: Identifier
  /// Its parameters (the region is given separately, as `in:`).
  public let parameters: [FunctionDeclaration.Parameter]
  /// Its result type.
  public let resultType: TypeSyntax
  /// Its regional definitions.
  public let cases: [Case]

  /// Creates a standard declaration.
  public init(
    name: Identifier, parameters: [FunctionDeclaration.Parameter], resultType: TypeSyntax,
    cases: [Case]
  ) {
    self.name = name
    self.parameters = parameters
    self.resultType = resultType
    self.cases = cases
  }
}

/// `equivalent { "GB/T 19630" in CN, "EU 2018/848" in EU }`: mutual recognition of codes.
public struct EquivalentDeclaration: Sendable, Hashable {
  /// One code and the region where it is valid.
  public struct Member: Sendable, Hashable {
    /// The certification or standard code.
    public let code: StringLiteral
    /// The region where it is valid (and below).
    public let region: Expr

    /// Creates a member.
    public init(code: StringLiteral, region: Expr) {
      self.code = code
      self.region = region
    }
  }

  /// The codes declared equivalent.
  public let members: [Member]

  /// Creates an equivalence declaration.
  public init(members: [Member]) { self.members = members }
}
