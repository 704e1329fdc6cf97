/// Converts JSON input into typed values, collecting every problem with its JSON path.
///
/// Numbers are read from their JSON text into exact decimals; nothing passes through `Double`.
/// The decoder is lenient only where no information can be lost: a `Percent` may be written
/// `12.5` or `"12.5%"`, `Money` as `{"amount": 12.5, "currency": "CNY"}` or `"12.5 CNY"`.
public struct ValueDecoder: Sendable {
  /// The region hierarchy that region codes are resolved in.
  public var regions: RegionHierarchy
  /// Whether object members that the record type does not declare are accepted silently.
  /// Off by default, so a misspelt optional field is reported instead of ignored.
  public var allowsUnknownFields: Bool

  /// Creates a decoder.
  /// - Parameters:
  ///   - regions: The ruleset's region hierarchy.
  ///   - allowsUnknownFields: Whether to ignore undeclared object members.
  public init(regions: RegionHierarchy = .empty, allowsUnknownFields: Bool = false) {
    self.regions = regions
    self.allowsUnknownFields = allowsUnknownFields
  }

  /// Decodes one value of a given type.
  /// - Parameters:
  ///   - json: The JSON to decode.
  ///   - type: The declared Verdant type.
  ///   - path: The JSONPath of `json`, used in issues.
  ///   - issues: Problems found are appended here; decoding continues past them.
  /// - Returns: The decoded value (``Value/absent`` where the JSON was unusable).
  public func decode(
    _ json: JSONValue, as type: ValueType, at path: String, issues: inout [InputIssue]
  ) -> Value {
    func fail(_ message: String) -> Value {
      issues.append(InputIssue(path: path, message: message))
      return .absent
    }
    switch (type, json) {
    case (.optional, .null):
      return .absent
    case (.optional(let wrapped), _):
      return decode(json, as: wrapped, at: path, issues: &issues)
    case (_, .null):
      return fail("expected \(type), found null (the field is not optional)")
    case (.bool, .bool(let value)):
      return .bool(value)
    case (.int, .number(let text)):
      return decodeInt(text, fail: fail)
    case (.decimal, .number(let text)):
      return decodeDecimal(text, fail: fail).map(Value.decimal) ?? .absent
    case (.percent, .number(let text)):
      return decodeDecimal(text, fail: fail).map(Value.percent) ?? .absent
    case (.percent, .string(let text)) where text.hasSuffix("%"):
      return decodeDecimal(String(text.dropLast()), fail: fail).map(Value.percent) ?? .absent
    case (.money(let currency), _):
      return decodeMoney(json, currency: currency, path: path, issues: &issues)
    case (.text, .string(let text)):
      return .text(text)
    case (.date, .string(let text)):
      guard let date = CivilDate(iso8601: text) else {
        return fail("expected a date written YYYY-MM-DD, found \"\(text)\"")
      }
      return .date(date)
    case (.duration, .string(let text)):
      guard let duration = Self.parseDuration(text) else {
        return fail("expected a duration such as \"30 days\", found \"\(text)\"")
      }
      return .duration(duration)
    case (.enumeration(let enumType), .string(let text)):
      guard let ordinal = enumType.ordinal(of: text) else {
        var message = "`\(text)` is not a case of \(enumType.name) "
        message += "(cases: \(enumType.cases.joined(separator: ", ")))"
        if let suggestion = NameSuggestion.closest(to: text, among: enumType.cases) {
          message += "; did you mean `\(suggestion)`?"
        }
        return fail(message)
      }
      return .enumCase(EnumCase(type: enumType, ordinal: ordinal))
    case (.region, .string(let text)):
      guard let index = regions.index(of: text) else {
        var message = "`\(text)` is not a declared region"
        if let suggestion = NameSuggestion.closest(to: text, among: regions.codes) {
          message += "; did you mean `\(suggestion)`?"
        }
        return fail(message)
      }
      return .region(Region(hierarchy: regions, index: index))
    case (.record(let recordType), .object(let object)):
      return decodeRecord(object, as: recordType, at: path, issues: &issues)
    case (.list(let element), .array(let items)):
      return .list(decodeElements(items, as: element, at: path, issues: &issues))
    case (.set(let element), .array(let items)):
      return Value.makeSet(decodeElements(items, as: element, at: path, issues: &issues))
    default:
      return fail("expected \(Self.describe(type)), found \(Self.describe(json))")
    }
  }

  /// Decodes the fields of a record, reporting missing, mistyped and unknown fields.
  /// - Parameters:
  ///   - object: The JSON object.
  ///   - type: The record type.
  ///   - path: The JSONPath of `object`.
  ///   - issues: Problems found are appended here.
  /// - Returns: The record value.
  public func decodeRecord(
    _ object: JSONObject, as type: RecordType, at path: String, issues: inout [InputIssue]
  ) -> Value {
    var fields: [Value] = []
    fields.reserveCapacity(type.fields.count)
    for field in type.fields {
      let fieldPath = Self.path(path, appending: field.name)
      if let json = object[field.name] {
        fields.append(decode(json, as: field.type, at: fieldPath, issues: &issues))
      } else if field.type.isOptional {
        fields.append(.absent)
      } else {
        issues.append(
          InputIssue(path: fieldPath, message: "missing required field of type \(field.type)"))
        fields.append(.absent)
      }
    }
    if !allowsUnknownFields {
      for key in object.keys where type.fieldIndex(named: key) == nil {
        var message = "unknown field `\(key)`: \(type.name) declares no such field"
        if let suggestion = NameSuggestion.closest(to: key, among: type.fields.map(\.name)) {
          message += "; did you mean `\(suggestion)`?"
        }
        issues.append(InputIssue(path: Self.path(path, appending: key), message: message))
      }
    }
    return .record(RecordValue(type: type, fields: fields))
  }

  /// Parses `"30 days"`, `"1 year"`, `"6 months"`, `"2 weeks"`.
  public static func parseDuration(_ text: String) -> CalendarDuration? {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let amount = Int64(parts[0]) else { return nil }
    let unitText = parts[1].hasSuffix("s") ? String(parts[1]) : String(parts[1]) + "s"
    guard let unit = CalendarDuration.Unit(rawValue: unitText) else { return nil }
    return CalendarDuration(amount: amount, unit: unit)
  }

  /// Appends a member name to a JSONPath, quoting names that are not plain identifiers.
  public static func path(_ base: String, appending member: String) -> String {
    let plain =
      !member.isEmpty
      && member.unicodeScalars.allSatisfy {
        $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
      }
    return plain ? "\(base).\(member)" : "\(base)[\"\(member)\"]"
  }

  // MARK: - Scalars

  private func decodeInt(_ text: String, fail: (String) -> Value) -> Value {
    if let value = Int64(text) { return .int(value) }
    switch Result(catching: { () throws(DecimalParseError) in try ExactDecimal(parsing: text) }) {
    case .success(let decimal):
      if let value = decimal.int64Value { return .int(value) }
      return decimal.isInteger
        ? fail("\(text) does not fit in a 64-bit Int")
        : fail("expected Int, found the fractional number \(text)")
    case .failure:
      return fail("\(text) does not fit in a 64-bit Int")
    }
  }

  private func decodeDecimal(_ text: String, fail: (String) -> Value) -> ExactDecimal? {
    do {
      return try ExactDecimal(parsing: text)
    } catch {
      _ = fail("cannot read \(text) as an exact decimal: \(error)")
      return nil
    }
  }

  private func decodeMoney(
    _ json: JSONValue, currency expected: Currency?, path: String, issues: inout [InputIssue]
  ) -> Value {
    let amountText: String
    let codeText: String
    switch json {
    case .object(let object):
      guard case .number(let amount)? = object["amount"] else {
        issues.append(
          InputIssue(
            path: Self.path(path, appending: "amount"),
            message: object["amount"] == nil
              ? "missing the money amount" : "expected the amount as a JSON number"))
        return .absent
      }
      guard case .string(let code)? = object["currency"] else {
        issues.append(
          InputIssue(
            path: Self.path(path, appending: "currency"),
            message: "expected the ISO 4217 currency code as a string, e.g. \"CNY\""))
        return .absent
      }
      for key in object.keys where key != "amount" && key != "currency" {
        issues.append(
          InputIssue(
            path: Self.path(path, appending: key),
            message: "unknown field `\(key)`: money has only `amount` and `currency`"))
      }
      amountText = amount
      codeText = code
    case .string(let text):
      let parts = text.split(separator: " ", omittingEmptySubsequences: true)
      guard parts.count == 2 else {
        issues.append(
          InputIssue(
            path: path, message: "expected money such as \"1200.50 CNY\", found \"\(text)\""))
        return .absent
      }
      amountText = String(parts[0])
      codeText = String(parts[1])
    default:
      issues.append(
        InputIssue(
          path: path,
          message:
            "expected Money as {\"amount\": …, \"currency\": \"CNY\"}, found \(Self.describe(json))"
        ))
      return .absent
    }
    guard let currency = Currency(code: codeText) else {
      issues.append(
        InputIssue(path: path, message: "`\(codeText)` is not a three-letter currency code"))
      return .absent
    }
    if let expected, expected != currency {
      issues.append(
        InputIssue(
          path: path, message: "expected an amount in \(expected.code), found \(currency.code)"))
      return .absent
    }
    var amountIssues: [InputIssue] = []
    let amount = decodeDecimal(amountText) { message in
      amountIssues.append(InputIssue(path: path, message: message))
      return .absent
    }
    issues += amountIssues
    return amount.map { .money(Money(amount: $0, currency: currency)) } ?? .absent
  }

  private func decodeElements(
    _ items: [JSONValue], as element: ValueType, at path: String, issues: inout [InputIssue]
  ) -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      values.append(decode(item, as: element, at: "\(path)[\(index)]", issues: &issues))
    }
    return values
  }

  // MARK: - Descriptions for messages

  private static func describe(_ type: ValueType) -> String {
    switch type {
    case .percent: return "Percent (a number of percent units such as 12.5, or \"12.5%\")"
    case .date: return "Date (a string YYYY-MM-DD)"
    case .enumeration(let enumType):
      return
        "\(enumType.name) (one of \(enumType.cases.map { "\"\($0)\"" }.joined(separator: ", ")))"
    case .record(let record): return "\(record.name) (a JSON object)"
    case .list, .set: return "\(type) (a JSON array)"
    default: return type.description
    }
  }

  private static func describe(_ json: JSONValue) -> String {
    switch json {
    case .null: return "null"
    case .bool(let value): return "the boolean \(value)"
    case .number(let text): return "the number \(text)"
    case .string(let text): return "the string \"\(text)\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
