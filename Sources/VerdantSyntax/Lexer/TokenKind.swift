/// The kinds of tokens the lexer produces.
public enum TokenKind: Sendable, Hashable {
  /// A name: `supplier`, `Grade`, also contextual keywords such as `rule` or `table`.
  case identifier
  /// A reserved word of the expression language.
  case keyword(Keyword)
  /// An integer literal (underscores allowed): `1_000_000`.
  case integer
  /// A decimal literal: `0.35`.
  case decimal
  /// A percent literal: `12.5%`.
  case percent
  /// A string literal; its decoded value is in ``Token/stringValue``.
  case string
  /// A date literal: `2025-07-01`.
  case date
  /// A region code: uppercase words joined by hyphens, `CN-ZJ-HZ`.
  case regionCode
  /// `(`
  case leftParen
  /// `)`
  case rightParen
  /// `{`
  case leftBrace
  /// `}`
  case rightBrace
  /// `[`
  case leftBracket
  /// `]`
  case rightBracket
  /// `,`
  case comma
  /// `:`
  case colon
  /// `.`
  case dot
  /// `?`
  case question
  /// `?.`
  case questionDot
  /// `??`
  case questionQuestion
  /// `+`
  case plus
  /// `-`
  case minus
  /// `*`
  case star
  /// `/`
  case slash
  /// `=`
  case equal
  /// `==`
  case equalEqual
  /// `!=`
  case bangEqual
  /// `<`
  case less
  /// `<=`
  case lessEqual
  /// `>`
  case greater
  /// `>=`
  case greaterEqual
  /// `=>`
  case fatArrow
  /// `|`
  case pipe
  /// `..<`
  case halfOpenRange
  /// `...`
  case closedRange
  /// `;`
  case semicolon
  /// `@` (in catalog selectors)
  case at
  /// `'text'` (in catalog selector predicates; Verdant text uses double quotes)
  case singleQuoted
  /// A character the language does not use (already reported).
  case invalid
  /// The end of the file.
  case endOfFile
}

/// Reserved words: they can never be names. Declaration keywords (`rule`, `let`, `table`, …)
/// are contextual instead, so that fields may be called `effective`, `key` or `weight`.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
  case and, or, not, `true`, `false`, `in`, contains, `is`, of, `if`, then, `else`
  case when, otherwise, because
}

extension TokenKind: CustomStringConvertible {
  /// How the token kind is named in "expected …" messages.
  public var description: String {
    switch self {
    case .identifier: return "a name"
    case .keyword(let keyword): return "`\(keyword.rawValue)`"
    case .integer: return "an integer"
    case .decimal: return "a decimal number"
    case .percent: return "a percent"
    case .string: return "a string"
    case .date: return "a date"
    case .regionCode: return "a region code"
    case .leftParen: return "`(`"
    case .rightParen: return "`)`"
    case .leftBrace: return "`{`"
    case .rightBrace: return "`}`"
    case .leftBracket: return "`[`"
    case .rightBracket: return "`]`"
    case .comma: return "`,`"
    case .colon: return "`:`"
    case .dot: return "`.`"
    case .question: return "`?`"
    case .questionDot: return "`?.`"
    case .questionQuestion: return "`??`"
    case .plus: return "`+`"
    case .minus: return "`-`"
    case .star: return "`*`"
    case .slash: return "`/`"
    case .equal: return "`=`"
    case .equalEqual: return "`==`"
    case .bangEqual: return "`!=`"
    case .less: return "`<`"
    case .lessEqual: return "`<=`"
    case .greater: return "`>`"
    case .greaterEqual: return "`>=`"
    case .fatArrow: return "`=>`"
    case .pipe: return "`|`"
    case .halfOpenRange: return "`..<`"
    case .closedRange: return "`...`"
    case .semicolon: return "`;`"
    case .at: return "`@`"
    case .singleQuoted: return "a single-quoted string"
    case .invalid: return "an invalid character"
    case .endOfFile: return "the end of the file"
    }
  }
}
