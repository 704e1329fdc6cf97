import VerdantSyntax
import VerdantValues

/// A checked decision table: input columns evaluated once into locals, rows whose cells are
/// conditions over those locals, and a hit policy.
public struct CheckedTable: Sendable {
  /// One input column.
  public struct Column: Sendable {
    /// The column's value.
    public let subject: TypedExpr
    /// The local slot holding it while rows are tested.
    public let local: LocalID
  }

  /// One row.
  public struct Row: Sendable {
    /// One condition per column; `nil` for `-`.
    public let conditions: [TypedExpr?]
    /// One value per output column.
    public let outputs: [TypedExpr]
    /// `because "…"`.
    public let reason: String?
    /// The cells as written, for explanations (`A, B | >= 10% | -`).
    public let text: String
    /// Where the row was written.
    public let span: Span

    /// Creates a row.
    public init(
      conditions: [TypedExpr?], outputs: [TypedExpr], reason: String?, text: String, span: Span
    ) {
      self.conditions = conditions
      self.outputs = outputs
      self.reason = reason
      self.text = text
      self.span = span
    }
  }

  /// The hit policy.
  public let hitPolicy: HitPolicy
  /// The input columns.
  public let columns: [Column]
  /// The output column names.
  public let outputNames: [String]
  /// The type of one row's output: the single output's type, or a record of the outputs.
  public let rowType: ValueType
  /// For several outputs, the record type built from them.
  public let rowRecord: RecordType?
  /// The rows in order.
  public let rows: [Row]

  /// Creates a checked table.
  public init(
    hitPolicy: HitPolicy, columns: [Column], outputNames: [String], rowType: ValueType,
    rowRecord: RecordType?, rows: [Row]
  ) {
    self.hitPolicy = hitPolicy
    self.columns = columns
    self.outputNames = outputNames
    self.rowType = rowType
    self.rowRecord = rowRecord
    self.rows = rows
  }
}

/// A checked test from a `*.test.verdant` file.
public struct CheckedTest: Sendable {
  /// One expectation; for `a == b`, the two sides are kept so a failure can show both.
  public struct Expectation: Sendable {
    /// The whole condition.
    public let condition: TypedExpr
    /// For `actual == expected`, the two sides.
    public let sides: (actual: TypedExpr, expected: TypedExpr)?
  }

  /// The test's name.
  public let name: String
  /// The evaluation date.
  public let asOf: CivilDate
  /// Input values by declaration.
  public let inputs: [(declaration: DeclarationID, value: Value)]
  /// The expectations in order.
  public let expectations: [Expectation]
  /// Where the test was written.
  public let span: Span

  /// Creates a checked test.
  public init(
    name: String, asOf: CivilDate, inputs: [(declaration: DeclarationID, value: Value)],
    expectations: [Expectation], span: Span
  ) {
    self.name = name
    self.asOf = asOf
    self.inputs = inputs
    self.expectations = expectations
    self.span = span
  }
}
