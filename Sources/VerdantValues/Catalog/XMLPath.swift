/// A qualified XML name as written in a catalog mapping: `limit` or `gb:limit`.
///
/// Without a prefix a name matches elements and attributes by *local name* in any namespace,
/// so documents in a default namespace map without ceremony; with a prefix, the namespace URI
/// the catalog declares for it must match too.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
  /// The namespace prefix, if written.
  public let prefix: String?
  /// The local name.
  public let localName: String

  /// Creates a name.
  public init(prefix: String? = nil, localName: String) {
    self.prefix = prefix
    self.localName = localName
  }

  /// `prefix:local` or `local`.
  public var description: String { prefix.map { "\($0):\(localName)" } ?? localName }
}

/// A step of an element path, with optional attribute predicates: `Value[@ColumnRef='code']`.
public struct XMLStep: Sendable, Hashable, CustomStringConvertible {
  /// The element name.
  public let name: XMLName
  /// Attribute conditions the element must meet.
  public let predicates: [XMLPredicate]

  /// Creates a step.
  public init(name: XMLName, predicates: [XMLPredicate] = []) {
    self.name = name
    self.predicates = predicates
  }

  /// The step as written.
  public var description: String { name.description + predicates.map(\.description).joined() }
}

/// A condition on an element in a path: `[@ColumnRef='code']`.
public struct XMLPredicate: Sendable, Hashable, CustomStringConvertible {
  /// The attribute tested.
  public let attribute: XMLName
  /// The value it must have.
  public let value: String

  /// Creates a predicate.
  public init(attribute: XMLName, value: String) {
    self.attribute = attribute
    self.value = value
  }

  /// `[@name='value']`.
  public var description: String { "[@\(attribute)='\(value)']" }
}

/// The absolute path of the record elements: `/catalog/standard/limit`.
public struct XMLRecordPath: Sendable, Hashable, CustomStringConvertible {
  /// The steps from the root element down to the record element.
  public let steps: [XMLStep]

  /// Creates a record path.
  public init(steps: [XMLStep]) { self.steps = steps }

  /// `/a/b/c`.
  public var description: String { "/" + steps.map(\.description).joined(separator: "/") }
}

/// Where a field's value comes from, relative to the record element.
public enum XMLSelector: Sendable, Hashable, CustomStringConvertible {
  /// An attribute of the record element (`levels` 0: `@a`) or of an ancestor (`../@a` is 1,
  /// `../../@a` is 2).
  case attribute(XMLName, levelsUp: Int)
  /// The trimmed text of the first descendant element reached by the path
  /// (`child`, `child/grandchild`, `Value[@ColumnRef='code']/SimpleValue`).
  case childText([XMLStep])
  /// An attribute of the first descendant element reached by the path (`child/@a`).
  case childAttribute([XMLStep], XMLName)
  /// The trimmed text of the record element itself (`.`).
  case ownText

  /// The selector as written.
  public var description: String {
    switch self {
    case .attribute(let name, let levels):
      return String(repeating: "../", count: levels) + "@\(name)"
    case .childText(let steps):
      return steps.map(\.description).joined(separator: "/")
    case .childAttribute(let steps, let name):
      return steps.map(\.description).joined(separator: "/") + "/@\(name)"
    case .ownText:
      return "."
    }
  }

  /// The namespace prefixes the selector uses.
  public var prefixes: [String] {
    switch self {
    case .attribute(let name, _): return name.prefix.map { [$0] } ?? []
    case .childText(let steps): return steps.flatMap(\.prefixes)
    case .childAttribute(let steps, let name):
      return steps.flatMap(\.prefixes) + (name.prefix.map { [$0] } ?? [])
    case .ownText: return []
    }
  }
}

extension XMLStep {
  /// The namespace prefixes the step uses.
  public var prefixes: [String] {
    ([name.prefix] + predicates.map(\.attribute.prefix)).compactMap { $0 }
  }
}
