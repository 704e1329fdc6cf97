import VerdantValues

/// A compiled expression: a closure that reads the frame and returns the value.
typealias Thunk<T> = @Sendable (inout Frame) throws -> T

/// A compiled expression in its natural representation. Scalars the hot path uses most are
/// unboxed (no `Value` enum, no dynamic type test); everything else travels as a `Value`.
enum CompiledExpr {
  /// `Bool`.
  case bool(Thunk<Bool>)
  /// `Int`.
  case int(Thunk<Int64>)
  /// `Decimal` and `Percent` (percent units).
  case decimal(Thunk<ExactDecimal>)
  /// `Money`.
  case money(Thunk<Money>)
  /// `Date`.
  case date(Thunk<CivilDate>)
  /// `Text`.
  case text(Thunk<String>)
  /// Every other type, and optionals.
  case value(Thunk<Value>)

  /// The natural representation for a static type.
  enum Representation {
    case bool, int, decimal, money, date, text, value
  }

  static func representation(of type: ValueType) -> Representation {
    switch type {
    case .bool: return .bool
    case .int: return .int
    case .decimal, .percent: return .decimal
    case .money: return .money
    case .date: return .date
    case .text: return .text
    default: return .value
    }
  }
}

/// A compiled closure kept in an array or other generic container. Wrapping it in a struct keeps
/// the closure's natural calling convention: a bare function type stored in a generic container
/// is kept maximally abstract, and every call would go through a reabstraction thunk (measured:
/// a visible share of each evaluation).
struct ValueStep: Sendable {
  /// The closure.
  let run: Thunk<Value>
}

/// A compiled condition kept in an array (see ``ValueStep``).
struct ConditionStep: Sendable {
  /// The closure.
  let run: Thunk<Bool>
}
