import VerdantValues

/// The allowed values of one analysed subject, in a form where intersection and complement
/// are exact.
public enum ValueSet: Sendable, Hashable {
  /// Numbers, percents, money amounts and dates (as day numbers) as intervals.
  case intervals(IntervalSet)
  /// Enum cases by ordinal, out of `count` cases.
  case ordinals(Set<Int>, count: Int)
  /// Booleans.
  case booleans(Set<Bool>)
  /// Texts: the listed ones, or (when `isComplement`) everything but the listed ones.
  case texts(Set<String>, isComplement: Bool)

  /// Whether nothing is allowed.
  public var isEmpty: Bool {
    switch self {
    case .intervals(let set): return set.isEmpty
    case .ordinals(let set, _): return set.isEmpty
    case .booleans(let set): return set.isEmpty
    case .texts(let set, let isComplement): return !isComplement && set.isEmpty
    }
  }

  /// Whether everything is allowed.
  public var isAll: Bool { complement().isEmpty }

  /// The values allowed by both.
  public func intersection(_ other: ValueSet) -> ValueSet {
    switch (self, other) {
    case (.intervals(let a), .intervals(let b)): return .intervals(a.intersection(b))
    case (.ordinals(let a, let count), .ordinals(let b, _)):
      return .ordinals(a.intersection(b), count: count)
    case (.booleans(let a), .booleans(let b)): return .booleans(a.intersection(b))
    case (.texts(let a, false), .texts(let b, false)):
      return .texts(a.intersection(b), isComplement: false)
    case (.texts(let a, false), .texts(let b, true)):
      return .texts(a.subtracting(b), isComplement: false)
    case (.texts(let a, true), .texts(let b, false)):
      return .texts(b.subtracting(a), isComplement: false)
    case (.texts(let a, true), .texts(let b, true)): return .texts(a.union(b), isComplement: true)
    default: return self
    }
  }

  /// The values allowed by either.
  public func union(_ other: ValueSet) -> ValueSet {
    complement().intersection(other.complement()).complement()
  }

  /// The values not allowed.
  public func complement() -> ValueSet {
    switch self {
    case .intervals(let set): return .intervals(set.complement())
    case .ordinals(let set, let count):
      return .ordinals(Set(0..<count).subtracting(set), count: count)
    case .booleans(let set): return .booleans(Set([false, true]).subtracting(set))
    case .texts(let set, let isComplement): return .texts(set, isComplement: !isComplement)
    }
  }
}
