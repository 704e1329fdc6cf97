import VerdantSyntax
import VerdantValues

// Every checker diagnostic, one factory per kind, in alphabetical order of the factory name.
// Codes V2xxx never change meaning once released.

extension DiagnosticCode {
  /// An enum case name that several enums declare, used without context.
  public static let ambiguousCase = DiagnosticCode(rawValue: "V2014")
  /// A declaration that reads itself through other declarations.
  public static let cycle = DiagnosticCode(rawValue: "V2008")
  /// A name declared twice.
  public static let duplicateDeclaration = DiagnosticCode(rawValue: "V2004")
  /// A call with the wrong number or kind of arguments.
  public static let invalidArguments = DiagnosticCode(rawValue: "V2012")
  /// A literal that cannot be represented exactly.
  public static let invalidLiteral = DiagnosticCode(rawValue: "V2015")
  /// An import that cannot be read or that imports itself.
  public static let invalidImport = DiagnosticCode(rawValue: "V2019")
  /// A parameter whose versions are not in increasing date order or not constant.
  public static let invalidParameter = DiagnosticCode(rawValue: "V2016")
  /// A value of the wrong type.
  public static let mismatchedType = DiagnosticCode(rawValue: "V2005")
  /// A rule whose branches do not cover every case and that has no `otherwise`.
  public static let nonExhaustiveRule = DiagnosticCode(rawValue: "V2009")
  /// An operator applied to operand types it does not accept.
  public static let invalidOperands = DiagnosticCode(rawValue: "V2006")
  /// An optional used where a value is required.
  public static let unwrappedOptional = DiagnosticCode(rawValue: "V2007")
  /// A record literal missing fields or with unknown ones.
  public static let invalidRecordLiteral = DiagnosticCode(rawValue: "V2023")
  /// Record types that contain each other.
  public static let recursiveRecord = DiagnosticCode(rawValue: "V2022")
  /// A check that is always true, or a `??` whose left side is never absent.
  public static let redundantCheck = DiagnosticCode(rawValue: "V2025")
  /// A name that is not declared.
  public static let undeclaredName = DiagnosticCode(rawValue: "V2001")
  /// A type name that is not declared.
  public static let undeclaredType = DiagnosticCode(rawValue: "V2002")
  /// A field a record does not have.
  public static let unknownField = DiagnosticCode(rawValue: "V2003")
  /// A function that does not exist.
  public static let unknownFunction = DiagnosticCode(rawValue: "V2013")
  /// A branch that can never fire.
  public static let unreachableBranch = DiagnosticCode(rawValue: "V2010")
  /// A `let` nothing reads.
  public static let unusedLet = DiagnosticCode(rawValue: "V2011")
  /// A currency code that is not in ISO 4217.
  public static let unknownCurrency = DiagnosticCode(rawValue: "V2018")
  /// An `otherwise` bin that is not the last.
  public static let misplacedBin = DiagnosticCode(rawValue: "V2030")
  /// Interval or enum bins covering common values.
  public static let overlappingBins = DiagnosticCode(rawValue: "V2031")
  /// Values no bin covers, without an `otherwise` bin.
  public static let binGap = DiagnosticCode(rawValue: "V2032")
  /// Input combinations no table row covers.
  public static let tableGap = DiagnosticCode(rawValue: "V2033")
  /// Rows of a `unique` table that can both match.
  public static let overlappingRows = DiagnosticCode(rawValue: "V2034")
  /// A row whose cell or output count does not match the header, or a mis-typed output.
  public static let invalidTable = DiagnosticCode(rawValue: "V2035")
  /// Rows of an `any` table that can both match with different outputs.
  public static let conflictingRows = DiagnosticCode(rawValue: "V2036")
  /// A test without a date, with unknown or missing inputs, or non-constant inputs.
  public static let invalidTest = DiagnosticCode(rawValue: "V2040")
  /// A standard declared twice for one region.
  public static let conflictingStandard = DiagnosticCode(rawValue: "V2050")
  /// Two codes declared equivalent for the same region in one class.
  public static let conflictingEquivalence = DiagnosticCode(rawValue: "V2051")
  /// A catalog declaration whose record path, selectors, fields or key are invalid.
  public static let invalidCatalog = DiagnosticCode(rawValue: "V2052")
}

extension Diagnostic {
  static func conflictingEquivalence(
    _ code: String, _ other: String, region: String, at span: Span, other otherSpan: Span
  ) -> Diagnostic {
    Diagnostic(
      .error, .conflictingEquivalence,
      "`\(code)` and `\(other)` are both declared as the \(region) equivalent of one certification",
      at: span, notes: [DiagnosticNote("`\(other)` is declared here", at: otherSpan)],
      help: "equivalence is transitive: each region may have one code in a group of equivalents")
  }

  static func conflictingStandard(_ standard: String, region: String, at span: Span, other: Span)
    -> Diagnostic
  {
    Diagnostic(
      .error, .conflictingStandard,
      "standard `\(standard)` is declared twice for region `\(region)`", at: span,
      notes: [DiagnosticNote("the other declaration for `\(region)` is here", at: other)],
      help: "keep one declaration per region; a more specific region overrides its parent")
  }

  static func binGap(_ region: String, characteristic: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .binGap, "bins leave \(region) uncovered", at: span,
      label: "the bins of this characteristic",
      help: "add bins for these values, or a final `otherwise => points` bin")
  }

  static func conflictingRows(_ first: Int, _ second: Int, when region: String, at span: Span, other: Span)
    -> Diagnostic
  {
    Diagnostic(
      .error, .conflictingRows,
      "rows \(first + 1) and \(second + 1) both match when \(region) but give different outputs",
      at: span, notes: [DiagnosticNote("row \(first + 1) is here", at: other)],
      help: "under `hit any`, rows that overlap must agree")
  }

  static func invalidTable(_ message: String, at span: Span, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, .invalidTable, message, at: span, help: help)
  }

  static func invalidTest(_ message: String, at span: Span, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, .invalidTest, message, at: span, help: help)
  }

  static func misplacedBin(_ message: String, at span: Span) -> Diagnostic {
    Diagnostic(.error, .misplacedBin, message, at: span, help: "move it to the end")
  }

  static func overlappingBins(_ first: String, _ second: String, on region: String, at span: Span, first firstSpan: Span)
    -> Diagnostic
  {
    Diagnostic(
      .error, .overlappingBins, "bins `\(first)` and `\(second)` overlap on \(region)", at: span,
      notes: [DiagnosticNote("the first bin is here", at: firstSpan)],
      help: "make the bins disjoint, e.g. with half-open ranges `a ..< b`")
  }

  static func overlappingRows(_ first: Int, _ second: Int, when region: String, at span: Span, other: Span)
    -> Diagnostic
  {
    Diagnostic(
      .error, .overlappingRows, "rows \(first + 1) and \(second + 1) both match when \(region)",
      at: span, notes: [DiagnosticNote("row \(first + 1) is here", at: other)],
      help: "under `hit unique` rows must not overlap; narrow one of them, or use `hit first`")
  }

  static func tableGap(_ regions: [String], table: String, at span: Span) -> Diagnostic {
    guard let first = regions.first else {
      return Diagnostic(
        .error, .tableGap,
        "cannot prove that the rows of table `\(table)` cover every input", at: span,
        help: "add a final row of `-` cells as a catch-all")
    }
    return Diagnostic(
      .error, .tableGap, "no row covers \(first)", at: span,
      notes: regions.dropFirst().map { DiagnosticNote("also uncovered: \($0)") },
      help: "add rows for these inputs, or a final row of `-` cells as a catch-all")
  }

  static func ambiguousCase(_ name: String, enums: [String], at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .ambiguousCase,
      "`\(name)` is a case of several enums (\(enums.map { "`\($0)`" }.joined(separator: ", ")))",
      at: span, label: "ambiguous here",
      help: "qualify it, e.g. `\(enums[0]).\(name)`, or annotate the declaration's type")
  }

  static func cycle(_ names: [String], at span: Span, notes: [DiagnosticNote]) -> Diagnostic {
    let path = (names + [names[0]]).map { "`\($0)`" }.joined(separator: " -> ")
    return Diagnostic(
      .error, .cycle, "declarations depend on each other in a cycle: \(path)", at: span,
      notes: notes,
      help: "rulesets must not be recursive; compute one of these values without the others")
  }

  static func duplicateDeclaration(_ name: String, at span: Span, first: Span) -> Diagnostic {
    Diagnostic(
      .error, .duplicateDeclaration, "`\(name)` is declared more than once", at: span,
      label: "declared again here",
      notes: [DiagnosticNote("first declared here", at: first)],
      help: "rename one of the declarations")
  }

  static func duplicateMember(_ what: String, _ name: String, at span: Span, first: Span)
    -> Diagnostic
  {
    Diagnostic(
      .error, .duplicateDeclaration, "\(what) `\(name)` is declared more than once", at: span,
      notes: [DiagnosticNote("first declared here", at: first)])
  }

  static func emptyCollectionType(at span: Span, isSet: Bool) -> Diagnostic {
    Diagnostic(
      .error, .mismatchedType,
      "cannot tell the element type of an empty \(isSet ? "set" : "list")", at: span,
      help:
        "annotate the declaration, e.g. `let xs: \(isSet ? "Set" : "List")<Text> = \(isSet ? "{}" : "[]")`"
    )
  }

  static func invalidArguments(_ message: String, at span: Span, help: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, .invalidArguments, message, at: span, help: help)
  }

  static func invalidImport(_ message: String, at span: Span, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, .invalidImport, message, at: span, help: help)
  }

  static func invalidLiteral(_ message: String, at span: Span, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, .invalidLiteral, message, at: span, help: help)
  }

  static func invalidOperands(
    _ op: String, _ lhs: ValueType, _ rhs: ValueType, at span: Span, help: String?
  ) -> Diagnostic {
    Diagnostic(
      .error, .invalidOperands, "cannot apply `\(op)` to \(lhs) and \(rhs)", at: span, help: help)
  }

  static func invalidOperand(_ op: String, _ type: ValueType, at span: Span, help: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, .invalidOperands, "cannot apply `\(op)` to \(type)", at: span, help: help)
  }

  static func invalidParameter(
    _ message: String, at span: Span, notes: [DiagnosticNote] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, .invalidParameter, message, at: span, notes: notes, help: help)
  }

  static func invalidRecordLiteral(_ message: String, at span: Span, help: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, .invalidRecordLiteral, message, at: span, help: help)
  }

  static func mismatchedType(
    expected: ValueType, found: ValueType, _ context: String, at span: Span, help: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      .error, .mismatchedType, "expected \(expected) \(context), found \(found)", at: span,
      help: help ?? conversionHelp(from: found, to: expected))
  }

  static func mismatchedType(_ message: String, at span: Span, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, .mismatchedType, message, at: span, help: help)
  }

  static func nonExhaustiveRule(_ name: String, uncovered: String?, at span: Span) -> Diagnostic {
    var message = "rule `\(name)` does not cover every case"
    if let uncovered { message += ": no branch matches when \(uncovered)" }
    return Diagnostic(
      .error, .nonExhaustiveRule, message, at: span,
      help: "add a final branch `otherwise => …`")
  }

  static func recursiveRecord(_ names: [String], at span: Span) -> Diagnostic {
    let path = (names + [names[0]]).map { "`\($0)`" }.joined(separator: " -> ")
    return Diagnostic(
      .error, .recursiveRecord, "record types contain each other: \(path)", at: span,
      help: "records must be finite; store an identifier instead of the nested record")
  }

  static func redundantCheck(_ message: String, at span: Span, help: String?) -> Diagnostic {
    Diagnostic(.warning, .redundantCheck, message, at: span, help: help)
  }

  static func undeclaredName(_ name: String, at span: Span, candidates: some Sequence<String>)
    -> Diagnostic
  {
    let suggestion = NameSuggestion.closest(to: name, among: candidates)
    return Diagnostic(
      .error, .undeclaredName, "undeclared name `\(name)`", at: span,
      label: "not declared in this ruleset", help: suggestion.map { "did you mean `\($0)`?" })
  }

  static func undeclaredType(_ name: String, at span: Span, candidates: some Sequence<String>)
    -> Diagnostic
  {
    let suggestion = NameSuggestion.closest(to: name, among: candidates)
    return Diagnostic(
      .error, .undeclaredType, "unknown type `\(name)`", at: span,
      help: suggestion.map { "did you mean `\($0)`?" })
  }

  static func unknownCurrency(_ code: String, at span: Span) -> Diagnostic {
    let suggestion = NameSuggestion.closest(to: code, among: Currency.iso4217Codes)
    return Diagnostic(
      .error, .unknownCurrency, "`\(code)` is not an ISO 4217 currency code", at: span,
      help: suggestion.map { "did you mean `\($0)`?" })
  }

  static func unknownField(
    _ field: String, of type: ValueType, at span: Span, candidates: [String]
  ) -> Diagnostic {
    let suggestion = NameSuggestion.closest(to: field, among: candidates)
    return Diagnostic(
      .error, .unknownField, "\(type) has no field `\(field)`", at: span,
      help: suggestion.map { "did you mean `\($0)`?" })
  }

  static func unknownFunction(_ name: String, at span: Span, candidates: some Sequence<String>)
    -> Diagnostic
  {
    let suggestion = NameSuggestion.closest(to: name, among: candidates)
    return Diagnostic(
      .error, .unknownFunction, "unknown function `\(name)`", at: span,
      help: suggestion.map { "did you mean `\($0)`?" })
  }

  /// A rule branch, scorecard bin or table row (`part`) that can never apply.
  static func unreachableBranch(
    _ message: String, at span: Span, notes: [DiagnosticNote] = [], part: String = "branch"
  ) -> Diagnostic {
    Diagnostic(
      .warning, .unreachableBranch, message, at: span, notes: notes,
      help: "remove the \(part) or change the conditions before it")
  }

  static func unusedLet(_ name: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .warning, .unusedLet, "`\(name)` is never used by another declaration", at: span,
      help: "remove it, or write `output let \(name)` if it is a result meant for callers")
  }

  static func unwrappedOptional(_ type: ValueType, _ context: String, at span: Span)
    -> Diagnostic
  {
    Diagnostic(
      .error, .unwrappedOptional, "value of optional type \(type) used \(context)", at: span,
      label: "may be absent",
      help: "give a default with `?? value`, or test `is present` first")
  }

  /// How to convert between two types the language keeps apart, if there is a way.
  static func conversionHelp(from found: ValueType, to expected: ValueType) -> String? {
    switch (found, expected) {
    case (.decimal, .percent), (.int, .percent):
      return "Percent and Decimal are kept apart: write a percent literal such as `35%`, or "
        + "`as_percent(x)` to read a ratio as a percent"
    case (.percent, .decimal):
      return "Percent and Decimal are kept apart: `as_ratio(p)` turns `12.5%` into `0.125`"
    case (.decimal, .int):
      return "Decimal never narrows to Int implicitly; use `round(x, 0)` and keep a Decimal"
    case (.optional(let wrapped), _) where wrapped == expected:
      return "give a default with `?? value`, or test `is present` first"
    case (.money(let a?), .money(let b?)) where a != b:
      return "amounts in different currencies cannot be mixed; convert explicitly"
    default:
      return nil
    }
  }
}
