import VerdantSemantics
import VerdantSyntax
import VerdantValues

/// Why an evaluation failed: overflow, division by zero, a currency mismatch, a parameter read
/// before its first date, and the like. It names the declaration being computed and the exact
/// place in the ruleset.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
  /// The stable code of the failure kind (V4xxx).
  public let code: DiagnosticCode
  /// What went wrong, lowercase, one line.
  public let message: String
  /// Where in the ruleset it went wrong.
  public let span: Span
  /// The declaration (or function) being evaluated.
  public let declaration: String
  /// How to avoid it, where there is advice.
  public let help: String?

  /// Creates an error.
  public init(
    _ code: DiagnosticCode, _ message: String, at span: Span, in declaration: String,
    help: String? = nil
  ) {
    self.code = code
    self.message = message
    self.span = span
    self.declaration = declaration
    self.help = help
  }

  /// The error as a diagnostic, for the renderers.
  public var diagnostic: Diagnostic {
    Diagnostic(
      .error, code, "\(message) (while evaluating `\(declaration)`)", at: span, help: help)
  }

  /// `path:line:col: error: message (while evaluating `name`)`.
  public var description: String { ShortRenderer().render(diagnostic) }
}

extension DiagnosticCode {
  /// Integer or decimal overflow.
  public static let overflow = DiagnosticCode(rawValue: "V4001")
  /// Division by zero.
  public static let divisionByZero = DiagnosticCode(rawValue: "V4002")
  /// Amounts in different currencies combined.
  public static let currencyMismatch = DiagnosticCode(rawValue: "V4003")
  /// A parameter read before its first date.
  public static let parameterNotInEffect = DiagnosticCode(rawValue: "V4004")
  /// `min` or `max` of an empty collection.
  public static let emptyCollection = DiagnosticCode(rawValue: "V4005")
  /// A date computation outside 0001-01-01 … 9999-12-31.
  public static let dateOutOfRange = DiagnosticCode(rawValue: "V4006")
  /// Durations in days compared with durations in months.
  public static let incomparableDurations = DiagnosticCode(rawValue: "V4007")
  /// A built-in function given an argument outside its domain, such as `take(xs, -1)`.
  public static let invalidArgument = DiagnosticCode(rawValue: "V4011")
  /// A state the checker should have ruled out; reported instead of crashing.
  public static let internalError = DiagnosticCode(rawValue: "V4999")
}

/// Where a compiled operation sits in the ruleset, captured by its closure so a failure can
/// name the place without any lookup.
struct Site: Sendable {
  let span: Span
  let declaration: String

  func error(_ code: DiagnosticCode, _ message: String, help: String? = nil) -> EvaluationError {
    EvaluationError(code, message, at: span, in: declaration, help: help)
  }

  func arithmetic(_ error: ArithmeticError) -> EvaluationError {
    switch error {
    case .overflow:
      return self.error(
        .overflow, "decimal overflow in `\(span.text)`",
        help: "Decimal holds magnitudes below 1.7 × 10^20 with 18 decimal places")
    case .divisionByZero:
      return self.error(
        .divisionByZero, "division by zero in `\(span.text)`",
        help: "guard the division, e.g. `when d > 0 and n / d > 1 => …`")
    }
  }

  func money(_ error: MoneyError) -> EvaluationError {
    switch error {
    case .arithmetic(let inner): return arithmetic(inner)
    case .currencyMismatch(let a, let b):
      return self.error(
        .currencyMismatch, "cannot combine amounts in \(a.code) and \(b.code) in `\(span.text)`",
        help: "convert one amount to the other currency first")
    }
  }

  func intOverflow() -> EvaluationError {
    error(
      .overflow, "Int overflow in `\(span.text)`",
      help: "Int holds whole numbers up to 9223372036854775807; use Decimal for larger values")
  }

  func unexpected(_ value: Value, expected: String) -> EvaluationError {
    error(.internalError, "internal error: expected \(expected), found \(value)")
  }
}
