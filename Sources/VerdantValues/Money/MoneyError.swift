/// Why an operation on money failed.
public enum MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The two amounts are in different currencies (left operand's first).
  case currencyMismatch(Currency, Currency)
  /// The underlying decimal arithmetic failed.
  case arithmetic(ArithmeticError)

  /// A lowercase one-line message for diagnostics.
  public var description: String {
    switch self {
    case .currencyMismatch(let left, let right):
      return "currency mismatch: \(left) and \(right)"
    case .arithmetic(let error):
      return error.description
    }
  }
}
