/// Reads values written as text (CSV cells, XML attributes) into a declared type, exactly.
///
/// The accepted spellings are those documented for CSV input and catalogs: `12.5` or `12.5%`
/// for a percent, `1200.50 CNY` (or a bare number where the currency is declared) for money,
/// `2025-07-01` for a date, `true`/`false`/`1`/`0` for a Bool, a case name for an enum, a code
/// for a region. An empty text is absent for an optional type.
public struct TextValueParser: Sendable {
  /// The region hierarchy region codes resolve in.
  public let regions: RegionHierarchy
  /// The separator of list and set elements within one text (CSV cells).
  public let elementSeparator: Character

  /// Creates a parser.
  public init(regions: RegionHierarchy = .empty, elementSeparator: Character = ";") {
    self.regions = regions
    self.elementSeparator = elementSeparator
  }

  /// Reads a text as a value of a type.
  /// - Returns: The value, or a one-line reason (``"`0,05` is not a Decimal"``).
  public func parse(_ text: String, as type: ValueType) -> Result<Value, TextValueError> {
    if case .optional(let wrapped) = type {
      return Self.isBlank(text) ? .success(.absent) : parse(text, as: wrapped)
    }
    let trimmed = Self.trimmed(text)
    func failure(_ what: String) -> Result<Value, TextValueError> {
      // `1,200,000` (thousands) and `0,05` (decimal comma) are the usual spreadsheet habits.
      let comma =
        type.isNumeric && trimmed.utf8.contains(UInt8(ascii: ","))
        ? " (write numbers with a `.` decimal point and no thousands separators: 1200000.5)" : ""
      return .failure(TextValueError(message: "`\(text)` is not \(what)\(comma)"))
    }
    if trimmed.isEmpty, type != .text {
      return .failure(TextValueError(message: "no value (expected \(type))"))
    }
    switch type {
    case .text:
      return .success(.text(text))
    case .int:
      if let number = Int64(trimmed) { return .success(.int(number)) }
      return failure("an Int")
    case .decimal:
      return (try? ExactDecimal(parsing: trimmed)).map { .success(.decimal($0)) }
        ?? failure("a Decimal")
    case .percent:
      let digits = trimmed.hasSuffix("%") ? String(trimmed.dropLast()) : trimmed
      return (try? ExactDecimal(parsing: digits)).map { .success(.percent($0)) }
        ?? failure("a Percent (write 12.5 or 12.5%)")
    case .money(let currency):
      return money(trimmed, currency: currency).map { .success(.money($0)) }
        ?? failure(currency.map { "an amount in \($0.code)" } ?? "money (write 1200.50 CNY)")
    case .date:
      return CivilDate(iso8601: trimmed).map { .success(.date($0)) }
        ?? failure("a date (write YYYY-MM-DD)")
    case .bool:
      if trimmed == "true" { return .success(.bool(true)) }  // the usual spellings, fast
      if trimmed == "false" { return .success(.bool(false)) }
      for (spelling, flag) in Self.boolSpellings where Self.equalIgnoringASCIICase(trimmed, spelling) {
        return .success(.bool(flag))
      }
      return failure("a Bool (write true or false)")
    case .duration:
      return ValueDecoder.parseDuration(trimmed).map { .success(.duration($0)) }
        ?? failure("a Duration (write 30 days)")
    case .enumeration(let enumType):
      if let ordinal = enumType.ordinal(of: trimmed) {
        return .success(.enumCase(EnumCase(type: enumType, ordinal: ordinal)))
      }
      return Self.unknown(trimmed, "a case of \(enumType.name)", among: enumType.cases)
    case .region:
      if let index = regions.index(of: trimmed) {
        return .success(.region(Region(hierarchy: regions, index: index)))
      }
      return Self.unknown(trimmed, "a declared region", among: regions.codes)
    case .list(let element), .set(let element):
      var values: [Value] = []
      for part in trimmed.split(separator: elementSeparator, omittingEmptySubsequences: true) {
        switch parse(Self.trimmed(String(part)), as: element) {
        case .success(let value): values.append(value)
        case .failure(let error): return .failure(error)
        }
      }
      if case .set = type { return .success(Value.makeSet(values)) }
      return .success(.list(values))
    case .optional, .record, .error:
      return .failure(TextValueError(message: "\(type) cannot be written as one text"))
    }
  }

  /// "`bleu` is not a case of Level; did you mean `blue`?"
  private static func unknown(_ text: String, _ what: String, among names: [String])
    -> Result<Value, TextValueError>
  {
    var message = "`\(text)` is not \(what)"
    if let suggestion = NameSuggestion.closest(to: text, among: names) {
      message += "; did you mean `\(suggestion)`?"
    }
    return .failure(TextValueError(message: message))
  }

  /// `1200.50 CNY`, or a bare number when the currency is declared.
  private func money(_ text: String, currency expected: Currency?) -> Money? {
    // The bare amount is the common case in registries; it needs no splitting.
    guard let space = text.utf8.firstIndex(of: UInt8(ascii: " ")) else {
      guard let expected, let amount = try? ExactDecimal(parsing: text) else { return nil }
      return Money(amount: amount, currency: expected)
    }
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let amount = try? ExactDecimal(parsing: text[..<space]),
      let currency = Currency(code: parts[1]), expected == nil || expected == currency
    else { return nil }
    return Money(amount: amount, currency: currency)
  }

  private static let boolSpellings: [(String, Bool)] = [
    ("true", true), ("false", false), ("1", true), ("0", false), ("yes", true), ("no", false),
  ]

  /// Compares texts ignoring the case of ASCII letters (without `lowercased()`, which
  /// allocates and applies full Unicode case mapping).
  private static func equalIgnoringASCIICase(_ text: String, _ lowercase: String) -> Bool {
    guard text.utf8.count == lowercase.utf8.count else { return false }
    for (byte, expected) in zip(text.utf8, lowercase.utf8) {
      let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      if folded != expected { return false }
    }
    return true
  }

  /// The text without leading and trailing white space. Works on UTF-8 bytes: cells are read
  /// by the million, and grapheme-aware `Character` checks would dominate the time.
  public static func trimmed(_ text: String) -> String {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return text }
    if !isSpace(first), !isSpace(last) { return text }
    guard let start = bytes.firstIndex(where: { !isSpace($0) }),
      let end = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[start...end])
  }

  /// Whether a text is empty or only white space.
  public static func isBlank(_ text: String) -> Bool {
    text.utf8.allSatisfy(isSpace)
  }

  /// ASCII white space: what CSV writers actually put around values.
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }
}

/// Why a text could not be read as its type.
public struct TextValueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The reason, lowercase, one line.
  public let message: String

  /// Creates an error.
  public init(message: String) { self.message = message }

  /// The reason.
  public var description: String { message }
}
