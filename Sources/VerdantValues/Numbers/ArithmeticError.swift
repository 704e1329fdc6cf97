/// Why an exact arithmetic operation could not produce a result.
public enum ArithmeticError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The exact or rounded result lies outside the representable range.
  case overflow
  /// The divisor was zero.
  case divisionByZero

  /// A lowercase one-line message for diagnostics.
  public var description: String {
    switch self {
    case .overflow: return "arithmetic overflow"
    case .divisionByZero: return "division by zero"
    }
  }
}
