import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Turns a literal into an exact constant. Numbers are read from their text; an integer
  /// literal where a `Decimal` is expected becomes a decimal constant directly.
  func checkLiteral(_ literal: Literal, expected: ValueType?, span: Span) -> TypedExpr {
    func constant(_ value: Value, _ type: ValueType) -> TypedExpr {
      TypedExpr(.constant(value), type: type, span: span)
    }
    switch literal {
    case .bool(let value):
      return constant(.bool(value), .bool)
    case .integer(let text):
      if expected?.unwrapped == .decimal, let value = decimal(text, span: span) {
        return constant(.decimal(value), .decimal)
      }
      guard let value = Int64(text) else {
        report(
          .invalidLiteral(
            "integer literal `\(text)` does not fit in a 64-bit Int", at: span,
            help: "Int ranges from -9223372036854775808 to 9223372036854775807"))
        return errorNode(span)
      }
      return constant(.int(value), .int)
    case .decimal(let text):
      guard let value = decimal(text, span: span) else { return errorNode(span) }
      return constant(.decimal(value), .decimal)
    case .percent(let text):
      guard let value = decimal(text, span: span) else { return errorNode(span) }
      return constant(.percent(value), .percent)
    case .money(let amountText, let code):
      let amount = decimal(amountText, span: span)
      guard let currency = currency(code.name, at: code.span), let amount else {
        return errorNode(span)
      }
      return constant(.money(Money(amount: amount, currency: currency)), .money(currency))
    case .text(let value):
      return constant(.text(value), .text)
    case .date(let text):
      // An invalid date was reported by the parser.
      guard let date = CivilDate(iso8601: text) else { return errorNode(span) }
      return constant(.date(date), .date)
    case .duration(let amountText, let unitWord):
      let unitName = unitWord.name.hasSuffix("s") ? unitWord.name : unitWord.name + "s"
      guard let amount = Int64(amountText), let unit = CalendarDuration.Unit(rawValue: unitName)
      else {
        report(.invalidLiteral("duration `\(span.text)` is too large", at: span))
        return errorNode(span)
      }
      return constant(.duration(CalendarDuration(amount: amount, unit: unit)), .duration)
    }
  }

  /// Reads decimal text exactly, reporting what cannot be represented.
  func decimal(_ text: String, span: Span) -> ExactDecimal? {
    do {
      return try ExactDecimal(parsing: text)
    } catch {
      switch error {
      case .tooManyFractionDigits:
        report(
          .invalidLiteral(
            "`\(span.text)` has more than \(ExactDecimal.fractionDigits) digits after the "
              + "decimal point", at: span,
            help: "Decimal is exact to \(ExactDecimal.fractionDigits) decimal places"))
      case .outOfRange:
        report(
          .invalidLiteral(
            "`\(span.text)` is too large for a Decimal", at: span,
            help: "Decimal holds magnitudes below 1.7 × 10^20"))
      case .invalidSyntax(let reason):
        report(.invalidLiteral("invalid number `\(span.text)`: \(reason)", at: span))
      }
      return nil
    }
  }
}
