/// A condition on one value, as written in a scorecard bin or a decision-table cell.
///
/// Cells compare the column's (or characteristic's) value with constants: `-` (anything),
/// `< 0.3`, `0.3 ..< 0.6`, `A, B`, `in {…}`, `in CN-ZJ`, `contains "GB/T 19630"`.
public struct Cell: Sendable, Hashable {
  /// The shapes of cells.
  public indirect enum Kind: Sendable, Hashable {
    /// `-`: any value.
    case any
    /// `otherwise`: any value not matched by earlier bins (scorecards only).
    case otherwise
    /// `< a`, `<= a`, `> a`, `>= a`, `== a`, `!= a`.
    case comparison(BinaryOperator, Expr)
    /// `a ..< b` (half-open) or `a ... b` (closed).
    case range(Expr, Expr, closed: Bool)
    /// `a` or `a, b, c`: equal to one of the values.
    case values([Expr])
    /// `in X` or `in X, Y`: a member of the set `X`, or (for regions) `X` or below it; with
    /// several, any of them.
    case within([Expr])
    /// `contains x`: a collection holding `x`, or text containing it.
    case contains(Expr)
  }

  /// The cell's shape.
  public let kind: Kind
  /// Where it was written.
  public let span: Span

  /// Creates a cell.
  public init(_ kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }
}
