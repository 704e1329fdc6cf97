/// Why text could not be parsed as an `ExactDecimal`.
public enum DecimalParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text is not a number; the reason says what was expected.
  case invalidSyntax(String)
  /// The value needs more than 18 fraction digits, so it cannot be held exactly.
  case tooManyFractionDigits
  /// The magnitude exceeds `ExactDecimal.maximum`.
  case outOfRange

  /// A lowercase one-line message for diagnostics.
  public var description: String {
    switch self {
    case .invalidSyntax(let reason): return "invalid number: \(reason)"
    case .tooManyFractionDigits: return "more than 18 digits after the decimal point"
    case .outOfRange: return "number is too large in magnitude"
    }
  }
}
