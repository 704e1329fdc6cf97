#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Value: Hashable {
  /// Structural equality with Verdant semantics: text is compared by Unicode scalar values
  /// (not canonical equivalence), sets ignore element order, decimals compare numerically.
  public static func == (lhs: Value, rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.absent, .absent): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.decimal(let a), .decimal(let b)): return a == b
    case (.percent(let a), .percent(let b)): return a == b
    case (.money(let a), .money(let b)): return a == b
    case (.text(let a), .text(let b)): return Value.textEqual(a, b)
    case (.date(let a), .date(let b)): return a == b
    case (.duration(let a), .duration(let b)): return a == b
    case (.enumCase(let a), .enumCase(let b)): return a == b
    case (.region(let a), .region(let b)): return a == b
    case (.record(let a), .record(let b)): return a == b
    case (.list(let a), .list(let b)): return a == b
    case (.set(let a), .set(let b)):
      return a.count == b.count && a.allSatisfy { b.contains($0) }
    default: return false
    }
  }

  /// Hashes consistently with `==` (sets hash order-independently, text by its UTF-8 bytes).
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .absent: hasher.combine(0)
    case .bool(let v): hasher.combine(v)
    case .int(let v): hasher.combine(v)
    case .decimal(let v): hasher.combine(v)
    case .percent(let v): hasher.combine(v)
    case .money(let v): hasher.combine(v)
    case .text(let v):
      // One call over the contiguous UTF-8 bytes: catalogs hash millions of texts.
      var copy = v
      copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    case .date(let v): hasher.combine(v)
    case .duration(let v): hasher.combine(v)
    case .enumCase(let v): hasher.combine(v)
    case .region(let v): hasher.combine(v)
    case .record(let v): hasher.combine(v)
    case .list(let v): hasher.combine(v)
    case .set(let v):
      // Order-independent: combine the sum of element hashes.
      var sum = 0
      for element in v { sum = sum &+ element.hashValue }
      hasher.combine(v.count)
      hasher.combine(sum)
    }
  }
}

extension Value {
  /// Whether two texts have the same Unicode scalars (the same UTF-8 bytes): one length check
  /// and one memory comparison, not Swift's canonical-equivalence `==`.
  @inlinable
  public static func textEqual(_ a: String, _ b: String) -> Bool {
    var left = a
    var right = b
    return left.withUTF8 { x in
      right.withUTF8 { y in
        guard x.count == y.count else { return false }
        guard let p = x.baseAddress, let q = y.baseAddress else { return true }
        return memcmp(p, q, x.count) == 0
      }
    }
  }

  /// Compares two values of the same ordered type: negative, zero or positive.
  ///
  /// Returns `nil` when the values are not mutually ordered (different kinds, money in
  /// different currencies, or an unordered kind such as records).
  public static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
    case (.decimal(let a), .decimal(let b)), (.percent(let a), .percent(let b)):
      return a < b ? -1 : (a == b ? 0 : 1)
    case (.money(let a), .money(let b)):
      guard a.currency == b.currency else { return nil }
      return a.amount < b.amount ? -1 : (a.amount == b.amount ? 0 : 1)
    case (.text(let a), .text(let b)): return compareText(a, b)
    case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
    case (.enumCase(let a), .enumCase(let b)):
      guard a.type == b.type else { return nil }
      return a.ordinal < b.ordinal ? -1 : (a.ordinal == b.ordinal ? 0 : 1)
    case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
    default: return nil
    }
  }

  /// Compares text by Unicode scalar values, which UTF-8 byte order preserves.
  public static func compareText(_ a: String, _ b: String) -> Int {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?):
        if x != y { return x < y ? -1 : 1 }
      }
    }
  }
}
