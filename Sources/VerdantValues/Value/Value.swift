/// A Verdant runtime value.
///
/// A `Value` never carries its static type except where printing needs it (enum cases carry
/// their enum, records their record type). An absent optional is ``absent``; a present optional
/// is stored as the value itself, so unwrapping costs nothing.
public enum Value: Sendable {
  /// An absent optional (`T?` with no value).
  case absent
  /// A `Bool`.
  case bool(Bool)
  /// An `Int`.
  case int(Int64)
  /// A `Decimal`.
  case decimal(ExactDecimal)
  /// A `Percent`, stored in percent units: `12.5%` is `.percent(12.5)`.
  case percent(ExactDecimal)
  /// A `Money` amount with its currency.
  case money(Money)
  /// A `Text`.
  case text(String)
  /// A `Date`.
  case date(CivilDate)
  /// A `Duration`.
  case duration(CalendarDuration)
  /// A case of a declared enum.
  case enumCase(EnumCase)
  /// A region of the ruleset's hierarchy.
  case region(Region)
  /// A record: an input value or a `record` value.
  case record(RecordValue)
  /// A `List<T>`.
  case list([Value])
  /// A `Set<T>`: unique elements, kept in first-insertion order so output is stable.
  case set([Value])

  /// Whether the value is an absent optional.
  public var isAbsent: Bool {
    if case .absent = self { return true }
    return false
  }

  /// Builds a set value from elements, dropping repeats (the first occurrence keeps its place).
  public static func makeSet(_ elements: [Value]) -> Value {
    var unique: [Value] = []
    unique.reserveCapacity(elements.count)
    for element in elements where !unique.contains(element) {
      unique.append(element)
    }
    return .set(unique)
  }
}

/// A record value: the record's type and its field values in declaration order.
public struct RecordValue: Sendable, Hashable {
  /// The record's type.
  public let type: RecordType
  /// Field values in the order of `type.fields`.
  public let fields: [Value]

  /// Creates a record value; `fields` must match `type.fields` in count and order.
  public init(type: RecordType, fields: [Value]) {
    self.type = type
    self.fields = fields
  }

  /// The value of a field by name (for embedders; compiled code reads by index).
  public subscript(field name: String) -> Value? {
    type.fieldIndex(named: name).map { fields[$0] }
  }
}

extension RecordValue {
  /// Builds a record from field values by name, for embedders assembling inputs in Swift.
  ///
  /// Fields not given are absent (the ruleset reports missing required fields when the
  /// inputs are bound); a name the record does not declare is an error.
  /// - Parameters:
  ///   - type: The record type, from ``RecordType`` lookups on a compiled ruleset.
  ///   - values: Field values by field name.
  /// - Throws: ``InputError`` listing unknown field names.
  public init(type: RecordType, values: [String: Value]) throws(InputError) {
    var issues: [InputIssue] = []
    for key in values.keys.sorted() where type.fieldIndex(named: key) == nil {
      var message = "unknown field `\(key)`: \(type.name) declares no such field"
      if let suggestion = NameSuggestion.closest(to: key, among: type.fields.map(\.name)) {
        message += "; did you mean `\(suggestion)`?"
      }
      issues.append(InputIssue(path: "$.\(type.name).\(key)", message: message))
    }
    guard issues.isEmpty else { throw InputError(issues: issues) }
    self.init(type: type, fields: type.fields.map { values[$0.name] ?? .absent })
  }
}
