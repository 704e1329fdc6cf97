/// How a decision table combines the rows that match (DMN hit policies).
public enum HitPolicy: Sendable, Hashable {
  /// Rows never overlap; exactly one matches.
  case unique
  /// The first matching row in order.
  case first
  /// The matching row whose output comes first in its enum's declaration order.
  case priority
  /// Every matching row must give the same output.
  case any
  /// A list of the outputs of every matching row, in row order.
  case collect
  /// An aggregate of the outputs of every matching row.
  case collectAggregate(Aggregation)

  /// `collect sum | min | max | count`.
  public enum Aggregation: String, Sendable, Hashable {
    /// The sum of the outputs (zero when no row matches).
    case sum
    /// The least output (absent when no row matches).
    case min
    /// The greatest output (absent when no row matches).
    case max
    /// The number of matching rows.
    case count
  }

  /// The policy as written.
  public var text: String {
    switch self {
    case .unique: return "unique"
    case .first: return "first"
    case .priority: return "priority"
    case .any: return "any"
    case .collect: return "collect"
    case .collectAggregate(let aggregation): return "collect \(aggregation.rawValue)"
    }
  }
}

/// `table name: T hit first { header / rows }`: a DMN-style decision table.
public struct TableDeclaration: Sendable, Hashable {
  /// One row: a cell per input column, a value per output column.
  public struct Row: Sendable, Hashable {
    /// The input cells.
    public let cells: [Cell]
    /// The output values.
    public let outputs: [Expr]
    /// `because "…"`.
    public let reason: StringLiteral?
    /// The whole row.
    public let span: Span

    /// Creates a row.
    public init(cells: [Cell], outputs: [Expr], reason: StringLiteral?, span: Span) {
      self.cells = cells
      self.outputs = outputs
      self.reason = reason
      self.span = span
    }
  }

  /// The table's name.
  public let name: Identifier
  /// The annotated output type (for one output column) or record type (for several).
  public let type: TypeSyntax?
  /// The hit policy.
  public let hitPolicy: HitPolicy
  /// Where the hit policy was written.
  public let hitPolicySpan: Span
  /// The input column expressions.
  public let inputs: [Expr]
  /// The output column names.
  public let outputs: [Identifier]
  /// The rows in order.
  public let rows: [Row]

  /// Creates a table declaration.
  public init(
    name: Identifier, type: TypeSyntax?, hitPolicy: HitPolicy, hitPolicySpan: Span,
    inputs: [Expr], outputs: [Identifier], rows: [Row]
  ) {
    self.name = name
    self.type = type
    self.hitPolicy = hitPolicy
    self.hitPolicySpan = hitPolicySpan
    self.inputs = inputs
    self.outputs = outputs
    self.rows = rows
  }
}
