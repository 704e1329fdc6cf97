// Every lexer and parser diagnostic, one factory per kind, in alphabetical order.
// Codes V1xxx never change meaning once released.

extension DiagnosticCode {
  /// A ruleset header after declarations, or a second header.
  public static let misplacedHeader = DiagnosticCode(rawValue: "V1017")
  /// A comparison chained onto another (`a < b < c`).
  public static let chainedComparison = DiagnosticCode(rawValue: "V1014")
  /// A token other than the one the grammar requires.
  public static let expectedToken = DiagnosticCode(rawValue: "V1010")
  /// Something that does not start a declaration at the top level.
  public static let expectedDeclaration = DiagnosticCode(rawValue: "V1011")
  /// Something that does not start an expression.
  public static let expectedExpression = DiagnosticCode(rawValue: "V1012")
  /// Something that does not start a type.
  public static let expectedType = DiagnosticCode(rawValue: "V1013")
  /// A date literal that is not a calendar date.
  public static let invalidDate = DiagnosticCode(rawValue: "V1020")
  /// An unknown escape in a string.
  public static let invalidEscape = DiagnosticCode(rawValue: "V1003")
  /// A number glued to letters.
  public static let invalidNumber = DiagnosticCode(rawValue: "V1004")
  /// A branch after `otherwise`.
  public static let misplacedOtherwise = DiagnosticCode(rawValue: "V1015")
  /// An underscore that does not separate digits.
  public static let misplacedUnderscore = DiagnosticCode(rawValue: "V1005")
  /// A block that must not be empty.
  public static let emptyBlock = DiagnosticCode(rawValue: "V1019")
  /// A character the language does not use.
  public static let unexpectedCharacter = DiagnosticCode(rawValue: "V1001")
  /// A string without its closing quote.
  public static let unterminatedString = DiagnosticCode(rawValue: "V1002")
}

extension Diagnostic {
  /// `a < b < c`.
  static func chainedComparison(at span: Span, first: Span) -> Diagnostic {
    Diagnostic(
      .error, .chainedComparison, "comparisons cannot be chained", at: span,
      notes: [DiagnosticNote("the first comparison is here", at: first)],
      help: "join the comparisons with `and`, e.g. `a < b and b < c`")
  }

  /// A block such as a rule body with nothing in it.
  static func emptyBlock(_ what: String, at span: Span, help: String) -> Diagnostic {
    Diagnostic(.error, .emptyBlock, "\(what) has no entries", at: span, help: help)
  }

  /// Something other than a declaration at the top level.
  static func expectedDeclaration(found token: Token, suggestion: String?) -> Diagnostic {
    Diagnostic(
      .error, .expectedDeclaration,
      "expected a declaration, found \(describe(token))", at: token.span,
      help: suggestion.map { "did you mean `\($0)`?" }
        ?? "declarations start with `let`, `rule`, `scorecard`, `table`, `input`, `record`, `enum`, "
        + "`param`, `fn`, `import` or `test`"
    )
  }

  /// Something other than an expression where one is required.
  static func expectedExpression(_ context: String, found token: Token) -> Diagnostic {
    Diagnostic(
      .error, .expectedExpression, "expected an expression \(context), found \(describe(token))",
      at: token.span)
  }

  /// A token other than the one required.
  static func expectedToken(
    _ expected: String, _ context: String, found token: Token, help: String? = nil
  ) -> Diagnostic {
    let where_ = context.isEmpty ? "" : " \(context)"
    return Diagnostic(
      .error, .expectedToken, "expected \(expected)\(where_), found \(describe(token))",
      at: token.span, help: help)
  }

  /// Something other than a type.
  static func expectedType(found token: Token) -> Diagnostic {
    Diagnostic(
      .error, .expectedType, "expected a type, found \(describe(token))", at: token.span,
      help: "types are `Bool`, `Int`, `Decimal`, `Percent`, `Money`, `Text`, `Date`, `Duration`, "
        + "`Region`, `List<T>`, `Set<T>`, `T?` and declared enums and records")
  }

  /// A date literal that names no calendar day.
  static func invalidDate(_ text: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .invalidDate, "`\(text)` is not a valid date", at: span,
      help: "dates are written YYYY-MM-DD with a real month and day")
  }

  /// An unknown escape sequence.
  static func invalidEscape(at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .invalidEscape, "invalid escape sequence `\(span.text)` in a string", at: span,
      help: "valid escapes are \\\", \\\\, \\n, \\t, \\r and \\u{…}")
  }

  /// A number glued to letters.
  static func invalidNumber(at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .invalidNumber, "invalid number `\(span.text)`", at: span,
      help: "separate a number from a currency or unit with a space, e.g. `500 CNY`, `30 days`")
  }

  /// A header after declarations or a second header.
  static func misplacedHeader(at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .misplacedHeader, "the `ruleset` header must come first and only once", at: span)
  }

  /// A branch after `otherwise`.
  static func misplacedOtherwise(at span: Span, otherwise: Span) -> Diagnostic {
    Diagnostic(
      .error, .misplacedOtherwise, "this branch comes after `otherwise` and can never fire",
      at: span, notes: [DiagnosticNote("`otherwise` is here", at: otherwise)],
      help: "move `otherwise` to the end of the rule")
  }

  /// An underscore that does not separate digits.
  static func misplacedUnderscore(at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .misplacedUnderscore, "misplaced `_` in number `\(span.text)`", at: span,
      help: "underscores may only separate digits, as in `1_000_000`")
  }

  /// A character the language does not use.
  static func unexpectedCharacter(_ text: String, at span: Span, help: String?) -> Diagnostic {
    Diagnostic(.error, .unexpectedCharacter, "unexpected character `\(text)`", at: span, help: help)
  }

  /// A string without a closing quote on its line.
  static func unterminatedString(at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .unterminatedString, "unterminated string", at: span,
      help: "close the string with `\"` on the same line")
  }

  /// How a token is named in messages: its text for words and symbols, its kind otherwise.
  static func describe(_ token: Token) -> String {
    switch token.kind {
    case .endOfFile: return "the end of the file"
    case .string: return "a string"
    case .identifier, .keyword, .regionCode, .integer, .decimal, .percent, .date:
      return "`\(token.text)`"
    default: return token.kind.description
    }
  }
}
