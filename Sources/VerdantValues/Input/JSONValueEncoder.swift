/// Encodes any `Encodable` Swift value into a ``JSONValue`` tree, keeping numbers as exact
/// text, so Swift structs can be used as ruleset inputs.
///
/// Integers are written exactly. `Float` and `Double` are written with Swift's shortest
/// round-trip text (`0.1` stays `0.1`), then read as exact decimals like any JSON number.
/// `Foundation.Decimal` is written from its exact description. ``CivilDate``, ``Money`` and
/// ``CalendarDuration`` encode in the input format the rulesets expect.
public struct JSONValueEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// Encodes a value.
  /// - Parameter value: Any `Encodable` value.
  /// - Returns: The JSON tree.
  /// - Throws: `EncodingError` from the value's own encoding.
  public func encode(_ value: some Encodable) throws -> JSONValue {
    let root = Node()
    let encoder = TreeEncoder(node: root, codingPath: [])
    try TreeEncoder.encode(value, into: encoder)
    return root.json
  }
}

/// A mutable JSON tree under construction (containers are filled after they are handed out).
private final class Node {
  enum Content {
    case empty
    case scalar(JSONValue)
    case object([(String, Node)])
    case array([Node])
  }

  var content = Content.empty

  var json: JSONValue {
    switch content {
    case .empty: return .null
    case .scalar(let value): return value
    case .object(let members):
      var object = JSONObject()
      for (key, node) in members { object.append(key: key, value: node.json) }
      return .object(object)
    case .array(let nodes): return .array(nodes.map(\.json))
    }
  }

  func member(_ key: String) -> Node {
    let child = Node()
    if case .object(var members) = content {
      members.removeAll { $0.0 == key }
      members.append((key, child))
      content = .object(members)
    } else {
      content = .object([(key, child)])
    }
    return child
  }

  func appendElement() -> Node {
    let child = Node()
    if case .array(var nodes) = content {
      nodes.append(child)
      content = .array(nodes)
    } else {
      content = .array([child])
    }
    return child
  }
}

private struct TreeEncoder: Encoder {
  let node: Node
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// Encodes a value, special-casing types whose own `Encodable` conformance would lose
  /// exactness (Foundation's `Decimal` encodes through `Double` in some encoders).
  static func encode(_ value: some Encodable, into encoder: TreeEncoder) throws {
    if let decimal = value as? ExactDecimal {
      encoder.node.content = .scalar(.number(decimal.description))
      return
    }
    if String(reflecting: type(of: value)) == "Foundation.Decimal",
      let text = (value as? any CustomStringConvertible)?.description
    {
      encoder.node.content = .scalar(.number(text))
      return
    }
    try value.encode(to: encoder)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = node.content {} else { node.content = .object([]) }
    return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = node.content {} else { node.content = .array([]) }
    return Unkeyed(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    Single(node: node, codingPath: codingPath)
  }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    func child(_ key: Key) -> TreeEncoder {
      TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws {
      node.member(key.stringValue).content = .scalar(.null)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
      node.member(key.stringValue).content = .scalar(.bool(value))
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
      node.member(key.stringValue).content = .scalar(.string(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
      try Single.number(value, node.member(key.stringValue), codingPath + [key])
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
      try Single.number(value, node.member(key.stringValue), codingPath + [key])
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      try TreeEncoder.encode(value, into: child(key))
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
      // Absent optionals are left out, which the decoder reads as absent.
      if let value { try encode(value, forKey: key) }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
      keyedBy keyType: NestedKey.Type, forKey key: Key
    )
      -> KeyedEncodingContainer<NestedKey>
    {
      child(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      child(key).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
      TreeEncoder(node: node.member("super"), codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
      if case .array(let nodes) = node.content { return nodes.count }
      return 0
    }

    func next() -> TreeEncoder { TreeEncoder(node: node.appendElement(), codingPath: codingPath) }

    mutating func encodeNil() throws { node.appendElement().content = .scalar(.null) }
    mutating func encode(_ value: String) throws {
      node.appendElement().content = .scalar(.string(value))
    }
    mutating func encode(_ value: Double) throws {
      try Single.number(value, node.appendElement(), codingPath)
    }
    mutating func encode(_ value: Float) throws {
      try Single.number(value, node.appendElement(), codingPath)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
      try TreeEncoder.encode(value, into: next())
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      next().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      next().unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { next() }
  }

  struct Single: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(
      _ value: F, _ node: Node, _ path: [any CodingKey]
    ) throws {
      guard value.isFinite else {
        throw EncodingError.invalidValue(
          value,
          EncodingError.Context(
            codingPath: path, debugDescription: "\(value) is not a finite number"))
      }
      var text = value.description
      if text.hasSuffix(".0") { text.removeLast(2) }
      node.content = .scalar(.number(text))
    }

    mutating func encodeNil() throws { node.content = .scalar(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { try Self.number(value, node, codingPath) }
    mutating func encode(_ value: Float) throws { try Self.number(value, node, codingPath) }
    mutating func encode(_ value: Int) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.content = .scalar(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
      try TreeEncoder.encode(value, into: TreeEncoder(node: node, codingPath: codingPath))
    }
  }
}

extension CivilDate: Codable {
  /// Encodes as `"YYYY-MM-DD"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// Decodes from `"YYYY-MM-DD"`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CivilDate(iso8601: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
    }
    self = date
  }
}

extension Money: Encodable {
  /// Encodes as `{"amount": <exact number>, "currency": "CNY"}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    // Written as text so no encoder can pass the amount through Double.
    try container.encode("\(amount) \(currency.code)")
  }
}

extension ExactDecimal: Encodable {
  /// Encodes as exact text (``JSONValueEncoder`` writes it as a JSON number).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension CalendarDuration: Encodable {
  /// Encodes as `"30 days"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
