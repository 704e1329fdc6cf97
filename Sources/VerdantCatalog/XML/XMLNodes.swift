internal import CLibXML2

/// Read-only helpers over libxml2 tree nodes (a record's expanded subtree and its ancestors).
///
/// Every pointer passed in must belong to the reader's current subtree or ancestor chain, which
/// libxml2 keeps alive until the reader moves past them.
enum XMLNodes {
  /// A node's 1-based line, or 0 when unknown.
  ///
  /// libxml2 stores lines in 16 bits; past line 65535 `XML_PARSE_BIG_LINES` keeps the exact
  /// line only in text nodes, and the whitespace text before an element ends on the element's
  /// line, so that is used when present.
  static func line(of node: xmlNodePtr) -> Int {
    let stored = node.pointee.line
    if stored < UInt16.max { return Int(stored) }
    if node.pointee.type == XML_TEXT_NODE, let psvi = node.pointee.psvi {
      return Int(bitPattern: psvi)
    }
    if let previous = node.pointee.prev, previous.pointee.type == XML_TEXT_NODE,
      let psvi = previous.pointee.psvi
    {
      return Int(bitPattern: psvi)
    }
    return Int(xmlGetLineNo(node))
  }

  /// The element's local name as a Swift string (for messages only).
  static func localName(of node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  /// The first attribute matching a name, or `nil`.
  @inline(__always)
  static func attribute(_ name: CompiledName, of node: xmlNodePtr) -> xmlAttrPtr? {
    var current = node.pointee.properties
    while let attribute = current {
      if name.matches(attribute.pointee.name, attribute.pointee.ns) { return attribute }
      current = attribute.pointee.next
    }
    return nil
  }

  /// An attribute's value exactly as libxml2 normalised it.
  @inline(__always)
  static func value(of attribute: xmlAttrPtr) -> TextSource {
    guard let first = attribute.pointee.children else { return .owned([]) }
    if first.pointee.next == nil, let content = first.pointee.content {
      return .borrowed(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }
    var bytes: [UInt8] = []
    appendText(from: first, to: &bytes, descend: false)
    return .owned(bytes)
  }

  /// The text of an element and its descendants, with XML whitespace trimmed at both ends.
  @inline(__always)
  static func trimmedText(of node: xmlNodePtr) -> TextSource {
    guard let first = node.pointee.children else { return .owned([]) }
    if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE,
      let content = first.pointee.content
    {
      let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
      return .borrowed(ValueConverter.trimmed(bytes))
    }
    var bytes: [UInt8] = []
    appendText(from: first, to: &bytes, descend: true)
    return .owned(bytes.withUnsafeBufferPointer { Array(ValueConverter.trimmed($0)) })
  }

  /// Appends the text of a sibling list (and, with `descend`, of their descendants).
  private static func appendText(
    from first: xmlNodePtr, to bytes: inout [UInt8], descend: Bool
  ) {
    var current: xmlNodePtr? = first
    while let node = current {
      let type = node.pointee.type
      if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = node.pointee.content
      {
        bytes.append(
          contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
      } else if descend, type == XML_ELEMENT_NODE, let child = node.pointee.children {
        appendText(from: child, to: &bytes, descend: true)
      }
      current = node.pointee.next
    }
  }

  /// Space, tab, carriage return or line feed: the whitespace XML defines.
  @inline(__always)
  static func isXMLWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  /// An entity reference found in a document, which catalogs reject.
  struct EntityReference {
    /// The entity's name.
    var name: String
    /// The line of the reference (or of the element whose attribute holds it).
    var line: Int
    /// The local name of the element holding it in an attribute, if any.
    var element: String?
  }

  /// The first entity reference in an element's attributes.
  @inline(__always)
  static func entityInAttributes(of node: xmlNodePtr) -> EntityReference? {
    var current = node.pointee.properties
    while let attribute = current {
      // A plain value is one text child; an entity reference adds an entity-reference child.
      var child = attribute.pointee.children
      while let part = child {
        if part.pointee.type == XML_ENTITY_REF_NODE {
          return EntityReference(
            name: localName(of: part), line: line(of: node), element: localName(of: node))
        }
        child = part.pointee.next
      }
      current = attribute.pointee.next
    }
    return nil
  }

  /// What a walk over a record's subtree found wrong, if anything.
  enum SubtreeProblem {
    /// An entity reference in content or in an attribute.
    case entity(EntityReference)
    /// An element nested deeper than the limit; `line` is that element's line.
    case tooDeep(line: Int, element: String)
  }

  /// Walks a subtree looking for entity references and nesting beyond `maximumDepth`.
  /// - Parameters:
  ///   - root: The subtree's root element.
  ///   - rootDepth: The root's depth in the document (the document element is 0).
  ///   - maximumDepth: The greatest number of nested element levels allowed.
  static func check(_ root: xmlNodePtr, rootDepth: Int, maximumDepth: Int) -> SubtreeProblem? {
    if let entity = entityInAttributes(of: root) { return .entity(entity) }
    var depth = rootDepth
    var current = root.pointee.children
    guard current != nil else { return nil }
    depth += 1
    while let node = current {
      let type = node.pointee.type
      if type == XML_ELEMENT_NODE {
        if depth >= maximumDepth {
          return .tooDeep(line: line(of: node), element: localName(of: node))
        }
        if let entity = entityInAttributes(of: node) { return .entity(entity) }
        if let child = node.pointee.children {
          current = child
          depth += 1
          continue
        }
      } else if type == XML_ENTITY_REF_NODE {
        return .entity(EntityReference(name: localName(of: node), line: line(of: node)))
      }
      // Next sibling, or climb until an ancestor below the root has one.
      var climb: xmlNodePtr? = node
      current = nil
      while let up = climb {
        if let next = up.pointee.next {
          current = next
          break
        }
        depth -= 1
        guard let parent = up.pointee.parent, parent != root else { break }
        climb = parent
      }
    }
    return nil
  }
}

extension XMLNodes {
  /// An attribute's local name (for messages and column search).
  static func localName(ofAttribute attribute: xmlAttrPtr) -> String {
    attribute.pointee.name.map { String(cString: $0) } ?? ""
  }
}
