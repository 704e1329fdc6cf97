/// The static type of a Verdant value.
///
/// Types live beside values (rather than in the checker) because a runtime value needs its
/// type to print itself: an enum case prints its name, a record its field names.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
  /// `Bool`.
  case bool
  /// `Int`: 64-bit signed; overflow is an evaluation error.
  case int
  /// `Decimal`: exact base-10 fixed point (see ``ExactDecimal``).
  case decimal
  /// `Percent`: a decimal in percent units (`12.5%`), kept apart from `Decimal`.
  case percent
  /// `Money`, with its currency when it is known statically (`Money<CNY>`).
  case money(Currency?)
  /// `Text`: UTF-8, compared by Unicode scalar values.
  case text
  /// `Date`: a civil (calendar) date.
  case date
  /// `Duration`: `30 days`, `3 years`.
  case duration
  /// `Region`: a code in the ruleset's region hierarchy.
  case region
  /// A declared enumeration.
  case enumeration(EnumType)
  /// A declared record (`input` or `record`).
  case record(RecordType)
  /// `List<T>`.
  case list(ValueType)
  /// `Set<T>`.
  case set(ValueType)
  /// `T?`.
  case optional(ValueType)
  /// The type of an expression that already failed to check; it unifies with everything so
  /// that one mistake produces one diagnostic.
  case error

  /// The Verdant spelling of the type, as authors write it.
  public var description: String {
    switch self {
    case .bool: return "Bool"
    case .int: return "Int"
    case .decimal: return "Decimal"
    case .percent: return "Percent"
    case .money(let currency?): return "Money<\(currency.code)>"
    case .money(nil): return "Money"
    case .text: return "Text"
    case .date: return "Date"
    case .duration: return "Duration"
    case .region: return "Region"
    case .enumeration(let type): return type.name
    case .record(let type): return type.name
    case .list(let element): return "List<\(element)>"
    case .set(let element): return "Set<\(element)>"
    case .optional(let wrapped): return "\(wrapped)?"
    case .error: return "<error>"
    }
  }

  /// The wrapped type of an optional, or `self`.
  public var unwrapped: ValueType {
    if case .optional(let wrapped) = self { return wrapped }
    return self
  }

  /// Whether the type is `T?`.
  public var isOptional: Bool {
    if case .optional = self { return true }
    return false
  }

  /// Whether the type is the error type or contains it, so that checks can stay silent.
  public var containsError: Bool {
    switch self {
    case .error: return true
    case .list(let element), .set(let element), .optional(let element): return element.containsError
    default: return false
    }
  }

  /// The element type of a list or set.
  public var elementType: ValueType? {
    switch self {
    case .list(let element), .set(let element): return element
    default: return nil
    }
  }

  /// Whether values of the type have a total order usable by `<`, `min`, `max` and intervals.
  public var isOrdered: Bool {
    switch self {
    case .int, .decimal, .percent, .money, .text, .date, .enumeration: return true
    default: return false
    }
  }

  /// Whether the type is numeric in the sense of `+`, `sum` and `abs`.
  public var isNumeric: Bool {
    switch self {
    case .int, .decimal, .percent, .money: return true
    default: return false
    }
  }
}
