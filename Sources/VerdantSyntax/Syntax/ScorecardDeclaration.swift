/// `scorecard name { baseline … characteristic … { bins } … }`: points per characteristic,
/// summed into a total, with reason codes (PMML-style).
public struct ScorecardDeclaration: Sendable, Hashable {
  /// One bin: a condition on the characteristic's value and the points it earns.
  public struct Bin: Sendable, Hashable {
    /// Which values fall in the bin.
    public let condition: Cell
    /// The points earned.
    public let points: Expr
    /// The reason code reported when this bin applies, if any.
    public let reason: StringLiteral?
    /// The whole bin.
    public let span: Span

    /// Creates a bin.
    public init(condition: Cell, points: Expr, reason: StringLiteral?, span: Span) {
      self.condition = condition
      self.points = points
      self.reason = reason
      self.span = span
    }
  }

  /// One characteristic: a value, its bins and an optional weight.
  public struct Characteristic: Sendable, Hashable {
    /// The value binned.
    public let subject: Expr
    /// `as name`: the name its points are reported under (defaults to the last name of the
    /// subject, `packaging_recycling_rate` for `supplier.packaging_recycling_rate`).
    public let alias: Identifier?
    /// `weight w`: points are multiplied by it.
    public let weight: Expr?
    /// The bins in order.
    public let bins: [Bin]
    /// The `characteristic` keyword through the closing brace.
    public let span: Span
    /// The `///` comment above it.
    public let doc: String?

    /// Creates a characteristic.
    public init(
      subject: Expr, alias: Identifier?, weight: Expr?, bins: [Bin], span: Span, doc: String?
    ) {
      self.subject = subject
      self.alias = alias
      self.weight = weight
      self.bins = bins
      self.span = span
      self.doc = doc
    }

    /// The name the characteristic's points are reported under, when one can be derived.
    public var name: String? {
      if let alias { return alias.name }
      switch subject.kind {
      case .name(let name): return name
      case .member(_, let field, _): return field.name
      default: return nil
      }
    }
  }

  /// The scorecard's name.
  public let name: Identifier
  /// `baseline x`: points added to every total.
  public let baseline: Expr?
  /// The characteristics in order.
  public let characteristics: [Characteristic]

  /// Creates a scorecard declaration.
  public init(name: Identifier, baseline: Expr?, characteristics: [Characteristic]) {
    self.name = name
    self.baseline = baseline
    self.characteristics = characteristics
  }
}
