/// A JSON object: unique string keys in insertion order.
///
/// Order is kept so that documents written back out are stable and diff-friendly. Lookups
/// are O(1) on average: small objects (the vast majority of records) are searched linearly,
/// which beats hashing string keys, and larger ones get a key index. Equality compares
/// entries in order, which makes equal objects serialise identically.
public struct JSONObject: Sendable, Hashable, Sequence {
  /// The members in order.
  public private(set) var entries: [(key: String, value: JSONValue)]
  /// The position of each key in `entries`; built only once the object outgrows
  /// `linearSearchLimit`.
  private var positions: [String: Int]?

  /// Up to this many members, a linear scan is faster than hashing the key.
  private static var linearSearchLimit: Int { 8 }

  /// Creates an empty object.
  public init() {
    entries = []
    positions = nil
  }

  /// Creates an object from key-value pairs.
  ///
  /// - Parameter entries: The members in order. A repeated key keeps the position of its
  ///   first occurrence and the value of its last, as with repeated `append` calls.
  public init(_ entries: [(String, JSONValue)]) {
    self.init()
    self.entries.reserveCapacity(entries.count)
    for (key, value) in entries {
      append(key: key, value: value)
    }
  }

  /// The value for a key.
  ///
  /// - Parameter key: The member name.
  /// - Returns: The value, or `nil` if the object has no such member.
  public subscript(key: String) -> JSONValue? {
    guard let position = position(of: key) else { return nil }
    return entries[position].value
  }

  /// Where a key sits in `entries`, if present.
  private func position(of key: String) -> Int? {
    if let positions { return positions[key] }
    return entries.firstIndex { $0.key == key }
  }

  /// Adds a member at the end, or replaces the value of an existing key in place.
  ///
  /// - Parameter key: The member name.
  /// - Parameter value: The member value.
  public mutating func append(key: String, value: JSONValue) {
    if let position = position(of: key) {
      entries[position].value = value
    } else {
      appendNew(key: key, value: value)
    }
  }

  /// Whether a key is present, without fetching its value.
  func contains(key: String) -> Bool {
    position(of: key) != nil
  }

  /// Appends a member whose key the caller has checked is absent, saving a second lookup.
  mutating func appendNew(key: String, value: JSONValue) {
    if positions != nil {
      positions?[key] = entries.count
    } else if entries.count == JSONObject.linearSearchLimit {
      var index: [String: Int] = [:]
      index.reserveCapacity(entries.count * 2)
      for (position, entry) in entries.enumerated() {
        index[entry.key] = position
      }
      index[key] = entries.count
      positions = index
    } else if entries.isEmpty {
      // Most objects have several members; skipping the 1-2-4 growth steps saves
      // reallocations on the parser's hot path.
      entries.reserveCapacity(8)
    }
    entries.append((key: key, value: value))
  }

  /// The member names in order.
  public var keys: [String] { entries.map(\.key) }

  /// The number of members.
  public var count: Int { entries.count }

  /// Iterates over the members in order.
  ///
  /// - Returns: An iterator over `(key, value)` pairs.
  public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
    entries.makeIterator()
  }

  /// Whether two objects have the same members in the same order.
  ///
  /// - Parameter lhs: The left operand.
  /// - Parameter rhs: The right operand.
  /// - Returns: `true` if keys and values match pairwise.
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.entries.count == rhs.entries.count else { return false }
    for (left, right) in zip(lhs.entries, rhs.entries) {
      guard left.key == right.key, left.value == right.value else { return false }
    }
    return true
  }

  /// Hashes the members in order, consistently with `==`.
  ///
  /// - Parameter hasher: The hasher to feed.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries.count)
    for entry in entries {
      hasher.combine(entry.key)
      hasher.combine(entry.value)
    }
  }
}
