internal import CLibXML2
import VerdantValues

/// NUL-terminated copies of the names and values a mapping compares against, alive as long as
/// the pool: compiled names then hold plain pointers, which copy without reference counting in
/// the per-record loop.
final class CStringPool {
  private var strings: [UnsafeMutablePointer<UInt8>] = []

  /// A NUL-terminated UTF-8 copy of `text`, valid until the pool is freed.
  func intern(_ text: String) -> UnsafePointer<UInt8> {
    let utf8 = Array(text.utf8)
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: utf8.count + 1)
    copy.initialize(from: utf8, count: utf8.count)
    copy[utf8.count] = 0
    strings.append(copy)
    return UnsafePointer(copy)
  }

  deinit {
    for string in strings { string.deallocate() }
  }
}

/// An ``XMLName`` prepared for fast comparison with libxml2's C strings.
///
/// An unprefixed name matches the local name in any namespace; a prefixed one also requires
/// the namespace URI the mapping declares for the prefix. A prefix the mapping does not
/// declare can match nothing (the checker reports it; the importer then finds no records).
struct CompiledName {
  /// The local name (owned by the pool the name was compiled with).
  let local: UnsafePointer<UInt8>
  /// The required namespace URI; `nil` matches any namespace.
  let namespaceURI: UnsafePointer<UInt8>?
  /// Whether the prefix is undeclared, so the name matches nothing.
  let isUnresolvable: Bool

  /// Prepares a name, resolving its prefix in the mapping's namespaces.
  init(_ name: XMLName, namespaces: [String: String], pool: CStringPool) {
    local = pool.intern(name.localName)
    if let prefix = name.prefix {
      let uri = namespaces[prefix]
      namespaceURI = uri.map(pool.intern)
      isUnresolvable = uri == nil
    } else {
      namespaceURI = nil
      isUnresolvable = false
    }
  }

  /// Whether a node or attribute with this local name and namespace matches.
  @inline(__always)
  func matches(_ name: UnsafePointer<xmlChar>?, _ namespace: UnsafeMutablePointer<xmlNs>?)
    -> Bool
  {
    guard let name, !isUnresolvable, Self.equals(name, local) else { return false }
    guard let namespaceURI else { return true }
    guard let href = namespace?.pointee.href else { return false }
    return Self.equals(href, namespaceURI)
  }

  /// Compares two NUL-terminated strings.
  @inline(__always)
  static func equals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Bool {
    if a == b { return true }
    var index = 0
    while true {
      let byte = a[index]
      if byte != b[index] { return false }
      if byte == 0 { return true }
      index += 1
    }
  }
}

/// An ``XMLStep`` prepared for matching against libxml2 element nodes.
struct CompiledStep {
  /// The element name.
  let name: CompiledName
  /// Attribute conditions, with the expected values (owned by the pool).
  let predicates: [(attribute: CompiledName, value: UnsafePointer<UInt8>, length: Int)]

  /// Prepares a step.
  init(_ step: XMLStep, namespaces: [String: String], pool: CStringPool) {
    name = CompiledName(step.name, namespaces: namespaces, pool: pool)
    predicates = step.predicates.map {
      (
        CompiledName($0.attribute, namespaces: namespaces, pool: pool), pool.intern($0.value),
        $0.value.utf8.count
      )
    }
  }

  /// Whether an element node matches the name and every predicate.
  @inline(__always)
  func matches(_ node: xmlNodePtr) -> Bool {
    guard name.matches(node.pointee.name, node.pointee.ns) else { return false }
    for predicate in predicates {
      guard let attribute = XMLNodes.attribute(predicate.attribute, of: node),
        Self.hasValue(attribute, predicate.value, length: predicate.length)
      else { return false }
    }
    return true
  }

  /// Whether an attribute's value is exactly the expected bytes.
  private static func hasValue(
    _ attribute: xmlAttrPtr, _ expected: UnsafePointer<UInt8>, length: Int
  ) -> Bool {
    if let first = attribute.pointee.children, first.pointee.next == nil,
      let content = first.pointee.content
    {
      return CompiledName.equals(content, expected)
    }
    return XMLNodes.value(of: attribute).withBytes {
      $0.elementsEqual(UnsafeBufferPointer(start: expected, count: length))
    }
  }

  /// The first descendant reached by following `steps` from `node`, depth-first in document
  /// order, or `nil`.
  static func firstMatch(of steps: ArraySlice<CompiledStep>, under node: xmlNodePtr)
    -> xmlNodePtr?
  {
    guard let step = steps.first else { return node }
    var child = node.pointee.children
    while let candidate = child {
      if candidate.pointee.type == XML_ELEMENT_NODE, step.matches(candidate),
        let found = firstMatch(of: steps.dropFirst(), under: candidate)
      {
        return found
      }
      child = candidate.pointee.next
    }
    return nil
  }
}
