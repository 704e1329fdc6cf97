internal import CLibXML2
import VerdantSyntax
import VerdantValues

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One import of one XML file: streams it, maps records to rows, collects diagnostics.
final class ImportSession {
  /// A field's selector prepared for libxml2 nodes.
  enum CompiledSelector {
    case attribute(CompiledName, levelsUp: Int)
    case childText([CompiledStep])
    case childAttribute([CompiledStep], CompiledName)
    case ownText
  }

  /// How one field is filled.
  ///
  /// A class, so that the per-record loop reads plans without copying their contents.
  final class FieldPlan {
    let name: String
    let valueType: ValueType
    let isOptional: Bool
    let isText: Bool
    let selector: XMLSelector
    let compiled: CompiledSelector
    /// For an ancestor's attribute: the levels up, so its converted value can be reused by
    /// every record under the same ancestor.
    let ancestorLevels: Int

    init(_ field: CatalogMapping.Field, compiled: CompiledSelector) {
      name = field.name
      valueType = field.type.unwrapped
      isOptional = field.type.isOptional
      if case .text = valueType { isText = true } else { isText = false }
      selector = field.selector
      self.compiled = compiled
      if case .attribute(_, let levels) = compiled {
        ancestorLevels = levels
      } else {
        ancestorLevels = 0
      }
    }
  }

  /// A value found for a field, with what is needed to point at it if it is wrong.
  enum Selection {
    case missing
    /// An attribute value of `owner`; `ownerLine` is known for the record and its ancestors.
    case attribute(TextSource, owner: xmlNodePtr, ownerLine: Int?, name: UnsafePointer<UInt8>?)
    /// Element text (trimmed) of `owner`.
    case text(TextSource, owner: xmlNodePtr, ownerLine: Int?)
  }

  let path: String
  let mapping: CatalogMapping
  let limits: XMLLimits
  /// Owns the C strings that compiled names and steps point to.
  private let names: CStringPool
  private let steps: [CompiledStep]
  private let plans: [FieldPlan]
  private let converter: ValueConverter

  // INVARIANT: a session runs on one thread and its methods never re-enter, so its mutable
  // state skips dynamic exclusivity checks, which would otherwise cost several per XML node.
  @exclusivity(unchecked) private var drafts: [DiagnosticDraft] = []
  @exclusivity(unchecked) private var errorDrafts = 0
  private let collector = XMLErrorCollector()
  /// Set when the stream must stop (an entity, a depth overflow): reading on is pointless or
  /// unsafe.
  @exclusivity(unchecked) private var aborted = false
  @exclusivity(unchecked) private var rows: [RecordValue] = []
  @exclusivity(unchecked) private var rowLines: [Int] = []
  /// The path elements above the current position: node, line, and a number that identifies
  /// the element for the value cache (node addresses are reused once freed).
  @exclusivity(unchecked)
  private var ancestors: [(node: xmlNodePtr, line: Int, serial: Int)] = []
  @exclusivity(unchecked) private var ancestorSerial = 0
  /// Per field: the value converted from an ancestor's attribute, and that ancestor's serial.
  @exclusivity(unchecked) private var ancestorValues: [(serial: Int, value: Value)?]
  @exclusivity(unchecked) private var root: (line: Int, name: String)?
  @exclusivity(unchecked) private var matchedRecords = 0

  /// Prepares an import.
  init(path: String, mapping: CatalogMapping, limits: XMLLimits) {
    self.path = path
    self.mapping = mapping
    self.limits = limits
    let namespaces = mapping.namespaces
    let pool = CStringPool()
    names = pool
    steps = mapping.recordPath.steps.map { CompiledStep($0, namespaces: namespaces, pool: pool) }
    plans = mapping.fields.map { field in
      let compiled: CompiledSelector
      switch field.selector {
      case .attribute(let name, let levels):
        compiled = .attribute(
          CompiledName(name, namespaces: namespaces, pool: pool), levelsUp: levels)
      case .childText(let path):
        compiled = .childText(path.map { CompiledStep($0, namespaces: namespaces, pool: pool) })
      case .childAttribute(let path, let name):
        compiled = .childAttribute(
          path.map { CompiledStep($0, namespaces: namespaces, pool: pool) },
          CompiledName(name, namespaces: namespaces, pool: pool))
      case .ownText:
        compiled = .ownText
      }
      return FieldPlan(field, compiled: compiled)
    }
    ancestorValues = Array(repeating: nil, count: plans.count)
    converter = ValueConverter(regions: mapping.regions)
  }

  // MARK: - Running

  /// Runs the import.
  /// - Returns: The table and any warnings.
  func run(schema schemaPath: String?) throws(CatalogImportError) -> (CatalogTable, [Diagnostic]) {
    LibXML2.prepare()
    if let reason = Self.unreadableReason(path) {
      throw failure([unreadable("XML", path: path, reason: reason)])
    }
    var schema: XMLSchema?
    if let schemaPath {
      if let reason = Self.unreadableReason(schemaPath) {
        throw failure([unreadable("schema", path: schemaPath, reason: reason)])
      }
      let schemaErrors = XMLErrorCollector()
      guard let parsed = XMLSchema(path: schemaPath, errors: schemaErrors) else {
        throw failure(invalidSchemaDrafts(schemaErrors, schemaPath: schemaPath))
      }
      schema = parsed
    }
    guard let reader = XMLStreamReader(path: path, errors: collector) else {
      throw failure([unreadable("XML", path: path, reason: "libxml2 cannot open it")])
    }
    if let schema, !reader.attach(schema) {
      let location = XMLLocation(file: schemaPath ?? path, line: 1)
      throw failure([
        DiagnosticDraft(location: location) { span, _ in
          .invalidSchema("libxml2 cannot validate with this schema", at: span)
        }
      ])
    }
    let status = stream(reader)
    var all = drafts + libxml2Drafts()
    if status == -1, collector.entries.isEmpty, errorDrafts == 0 {
      let location = XMLLocation(file: path, line: xmlLine(reader))
      all.append(
        DiagnosticDraft(location: location) { span, _ in
          .malformedXML("libxml2 stopped reading the document", at: span)
        })
    }
    if schema != nil, !aborted, status == 0, reader.validity != 1,
      !all.contains(where: \.isError)
    {
      let location = XMLLocation(file: path, line: root?.line ?? 1, element: root?.name)
      all.append(
        DiagnosticDraft(location: location) { span, _ in
          .schemaViolation("libxml2 did not confirm the document valid", at: span)
        })
    }
    if all.contains(where: \.isError) {
      all += duplicateKeyDrafts(budget: limits.maximumErrors)
      throw failure(all)
    }
    let table: CatalogTable
    do {
      table = try CatalogTable(
        name: mapping.name, rowType: mapping.rowType, rows: rows, keyField: mapping.keyField,
        allowsDuplicateKeys: mapping.allowsDuplicateKeys, source: path)
    } catch {
      // Only the importer knows the lines, so the duplicates are found again with them.
      throw failure(all + duplicateKeyDrafts(budget: limits.maximumErrors))
    }
    if matchedRecords == 0 {
      let location = XMLLocation(file: path, line: root?.line ?? 1, element: root?.name)
      let recordPath = mapping.recordPath
      all.append(
        DiagnosticDraft(location: location, isError: false) { span, _ in
          .unmatchedRecordPath(recordPath, at: span)
        })
    }
    return (table, SourceExcerpts.sorted(SourceExcerpts.resolve(all)))
  }

  /// The error thrown for a set of drafts: resolved, sorted, capped.
  private func failure(_ drafts: [DiagnosticDraft]) -> CatalogImportError {
    let diagnostics = SourceExcerpts.sorted(SourceExcerpts.resolve(drafts))
    return CatalogImportError(diagnostics: Array(diagnostics.prefix(max(1, limits.maximumErrors))))
  }

  /// Whether enough errors were collected to stop.
  private var isOverBudget: Bool {
    aborted || errorDrafts + collector.entries.count >= limits.maximumErrors
  }

  private func add(_ draft: DiagnosticDraft) {
    drafts.append(draft)
    if draft.isError { errorDrafts += 1 }
  }

  // MARK: - Streaming

  /// Reads the document, matching the record path by depth and name.
  /// - Returns: The last reader status: 0 at the end, -1 after a fatal error, 1 when stopped.
  private func stream(_ reader: XMLStreamReader) -> Int32 {
    let recordDepth = steps.count - 1
    // INVARIANT: the elements at depths 0..<matched on the current chain match steps[0..<matched]
    // and are in `ancestors`.
    var matched = 0
    var lastTextLine = 0
    var previousWasText = false
    var status = reader.read()
    while status == 1 {
      if isOverBudget { return 1 }
      switch reader.nodeType {
      case XMLStreamReader.NodeKind.element.rawValue:
        previousWasText = false
        guard let node = reader.node else { break }
        let depth = reader.depth
        let stored = Int(node.pointee.line)
        let line =
          stored < Int(UInt16.max)
          ? stored : (lastTextLine > 0 ? lastTextLine : XMLNodes.line(of: node))
        if root == nil { root = (line, XMLNodes.localName(of: node)) }
        if depth >= limits.maximumDepth {
          tooDeep(line: line, element: XMLNodes.localName(of: node))
          return 1
        }
        if let entity = XMLNodes.entityInAttributes(of: node) {
          rejectEntity(entity, line: line)
          return 1
        }
        guard depth == matched, matched <= recordDepth, steps[matched].matches(node) else { break }
        if matched == recordDepth {
          record(node, line: line, depth: depth, reader: reader)
          if aborted { return 1 }
          status = reader.skipSubtree()
          continue
        }
        if !reader.isEmptyElement {
          ancestorSerial += 1
          ancestors.append((node, line, ancestorSerial))
          matched += 1
        }
      case XMLStreamReader.NodeKind.endElement.rawValue:
        previousWasText = false
        if matched > 0, reader.depth == matched - 1 {
          matched -= 1
          ancestors.removeLast()
        }
      case XMLStreamReader.NodeKind.text.rawValue,
        XMLStreamReader.NodeKind.whitespace.rawValue,
        XMLStreamReader.NodeKind.significantWhitespace.rawValue:
        // Past line 65535 libxml2 keeps exact lines only in text nodes; the text before an
        // element ends on that element's line.
        if let node = reader.node { lastTextLine = XMLNodes.line(of: node) }
        previousWasText = true
      case XMLStreamReader.NodeKind.entityReference.rawValue:
        if let node = reader.node {
          let entity = XMLNodes.EntityReference(
            name: XMLNodes.localName(of: node), line: XMLNodes.line(of: node))
          rejectEntity(entity, line: entity.line)
        }
        return 1
      default:
        previousWasText = false
      }
      if !previousWasText { lastTextLine = 0 }
      status = reader.read()
    }
    return status
  }

  /// The line libxml2's parser has reached.
  private func xmlLine(_ reader: XMLStreamReader) -> Int {
    max(1, Int(xmlTextReaderGetParserLineNumber(reader.pointer)))
  }

  // MARK: - Records

  /// Maps one record element to a row.
  private func record(_ node: xmlNodePtr, line: Int, depth: Int, reader: XMLStreamReader) {
    matchedRecords += 1
    // Reads the record's subtree (constant memory: one record at a time).
    guard let record = reader.expand() else { return }
    if let problem = XMLNodes.check(record, rootDepth: depth, maximumDepth: limits.maximumDepth) {
      switch problem {
      case .entity(let entity): rejectEntity(entity, line: entity.line == 0 ? line : entity.line)
      case .tooDeep(let deepLine, let element): tooDeep(line: deepLine, element: element)
      }
      return
    }
    var values: [Value] = []
    values.reserveCapacity(plans.count)
    var isComplete = true
    for (index, plan) in plans.enumerated() {
      // Ancestor attributes are the same for every record under that ancestor.
      var serial = 0
      if plan.ancestorLevels > 0, plan.ancestorLevels <= ancestors.count {
        serial = ancestors[ancestors.count - plan.ancestorLevels].serial
        if let cached = ancestorValues[index], cached.serial == serial {
          values.append(cached.value)
          continue
        }
      }
      let selection = select(plan.compiled, record: record, line: line)
      let source: TextSource
      switch selection {
      case .missing:
        if plan.isOptional {
          values.append(.absent)
        } else {
          missing(plan, record: record, line: line)
          isComplete = false
        }
        continue
      case .attribute(let text, _, _, _), .text(let text, _, _):
        source = text
      }
      let result = source.withBytes { bytes -> Result<Value, ValueConverter.Failure>? in
        if bytes.count > limits.maximumValueLength { return nil }
        if !plan.isText || plan.isOptional, ValueConverter.trimmed(bytes).isEmpty {
          return .success(.absent)
        }
        return converter.convert(bytes: bytes, to: plan.valueType)
      }
      switch result {
      case nil:
        let limit = limits.maximumValueLength
        let field = plan.name
        add(
          DiagnosticDraft(location: location(of: selection, literal: false)) { span, _ in
            .catalogLimitExceeded(
              "the value of field `\(field)` is longer than \(limit) bytes", at: span,
              help: "shorten the value, or raise the import's value length limit")
          })
        isComplete = false
      case .success(.absent)?:
        if plan.isOptional {
          values.append(.absent)
        } else {
          missing(plan, record: record, line: line)
          isComplete = false
        }
      case .success(let value)?:
        values.append(value)
        if serial > 0 { ancestorValues[index] = (serial, value) }
      case .failure(let failure)?:
        let field = plan.name
        let type = plan.valueType
        let shown = Self.shortened(ValueConverter.trimmed(source.string))
        add(
          DiagnosticDraft(location: location(of: selection, literal: true)) { span, _ in
            .invalidCatalogValue(
              field: field, text: shown, type: type, reason: failure.reason, help: failure.help,
              at: span)
          })
        isComplete = false
      }
    }
    if isComplete {
      rows.append(RecordValue(type: mapping.rowType, fields: values))
      rowLines.append(line)
    }
  }

  /// Finds the text a selector picks in a record.
  @inline(__always)
  private func select(_ selector: CompiledSelector, record: xmlNodePtr, line: Int) -> Selection {
    switch selector {
    case .attribute(let name, let levels):
      let owner: xmlNodePtr
      let ownerLine: Int
      if levels == 0 {
        owner = record
        ownerLine = line
      } else {
        guard levels <= ancestors.count else { return .missing }
        let ancestor = ancestors[ancestors.count - levels]
        (owner, ownerLine) = (ancestor.node, ancestor.line)
      }
      guard let attribute = XMLNodes.attribute(name, of: owner) else { return .missing }
      return .attribute(
        XMLNodes.value(of: attribute), owner: owner, ownerLine: ownerLine,
        name: attribute.pointee.name)
    case .childText(let path):
      guard let element = CompiledStep.firstMatch(of: path[...], under: record) else {
        return .missing
      }
      return .text(XMLNodes.trimmedText(of: element), owner: element, ownerLine: nil)
    case .childAttribute(let path, let name):
      guard let element = CompiledStep.firstMatch(of: path[...], under: record),
        let attribute = XMLNodes.attribute(name, of: element)
      else { return .missing }
      return .attribute(
        XMLNodes.value(of: attribute), owner: element, ownerLine: nil,
        name: attribute.pointee.name)
    case .ownText:
      return .text(XMLNodes.trimmedText(of: record), owner: record, ownerLine: line)
    }
  }

  /// Where a selected value is, for a diagnostic.
  private func location(of selection: Selection, literal: Bool) -> XMLLocation {
    switch selection {
    case .missing:
      return XMLLocation(file: path, line: 1)
    case .attribute(_, let owner, let ownerLine, let name):
      return XMLLocation(
        file: path, line: ownerLine ?? XMLNodes.line(of: owner),
        element: XMLNodes.localName(of: owner), attribute: name.map { String(cString: $0) })
    case .text(let value, let owner, let ownerLine):
      let trimmed = ValueConverter.trimmed(value.string)
      let searchable =
        literal && !trimmed.isEmpty && trimmed.utf8.count <= 200
        && !trimmed.contains("\n") && !trimmed.contains("&")
      return XMLLocation(
        file: path, line: ownerLine ?? XMLNodes.line(of: owner),
        element: XMLNodes.localName(of: owner), literal: searchable ? trimmed : nil)
    }
  }

  /// A value short enough to quote in a one-line message.
  private static func shortened(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > 60 else { return text }
    var short = ""
    short.unicodeScalars.append(contentsOf: scalars.prefix(57))
    return short + "..."
  }

  // MARK: - Diagnostics

  private func missing(_ plan: FieldPlan, record: xmlNodePtr, line: Int) {
    let location = XMLLocation(file: path, line: line, element: XMLNodes.localName(of: record))
    let (field, selector, type) = (plan.name, plan.selector, plan.valueType)
    add(
      DiagnosticDraft(location: location) { span, _ in
        .missingCatalogValue(field: field, selector: selector, type: type, at: span)
      })
  }

  private func rejectEntity(_ entity: XMLNodes.EntityReference, line: Int) {
    aborted = true
    let location = XMLLocation(
      file: path, line: line, element: entity.element, literal: "&\(entity.name);")
    let name = entity.name
    add(DiagnosticDraft(location: location) { span, _ in .rejectedEntity(name, at: span) })
  }

  private func tooDeep(line: Int, element: String) {
    aborted = true
    let limit = limits.maximumDepth
    add(
      DiagnosticDraft(location: XMLLocation(file: path, line: line, element: element)) {
        span, _ in
        .catalogLimitExceeded(
          "the XML nests elements deeper than \(limit) levels", at: span,
          help: "catalogs are shallow; check that this is the intended file")
      })
  }

  private func unreadable(_ what: String, path: String, reason: String) -> DiagnosticDraft {
    DiagnosticDraft(location: XMLLocation(file: path, line: 1)) { span, _ in
      .unreadableCatalogFile(what, reason: reason, at: span)
    }
  }

  /// Why a file cannot be read, or `nil` when it can.
  static func unreadableReason(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
      return "it is a directory"
    }
    return nil
  }

  /// The errors libxml2 reported while reading the schema.
  private func invalidSchemaDrafts(_ errors: XMLErrorCollector, schemaPath: String)
    -> [DiagnosticDraft]
  {
    var result: [DiagnosticDraft] = []
    for entry in Self.deduplicated(errors.entries) {
      let location = XMLLocation(file: schemaPath, line: entry.line, column: entry.column)
      let message = Self.withoutFinalPeriod(entry.message)
      result.append(
        DiagnosticDraft(location: location) { span, _ in .invalidSchema(message, at: span) })
    }
    if result.isEmpty {
      result.append(
        DiagnosticDraft(location: XMLLocation(file: schemaPath, line: 1)) { span, _ in
          .invalidSchema("libxml2 rejected the schema without a reason", at: span)
        })
    }
    return result
  }

  /// libxml2's parse and validity errors as drafts.
  private func libxml2Drafts() -> [DiagnosticDraft] {
    var result: [DiagnosticDraft] = []
    for entry in Self.deduplicated(collector.entries) {
      var location = XMLLocation(file: path, line: entry.line, column: entry.column)
      let message = Self.withoutFinalPeriod(entry.message)
      if entry.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
        // "Element 'limit', attribute 'mrl': …": point at that element and attribute.
        location.column = nil
        (location.element, location.attribute) = Self.schemaSubject(of: message)
        result.append(
          DiagnosticDraft(location: location) { span, _ in .schemaViolation(message, at: span) })
      } else if Self.entityErrorCodes.contains(entry.code) {
        if let name = entry.detail, !name.isEmpty {
          // libxml2 names the entity; its own column is not reliably on the reference.
          location.column = nil
          location.literal = "&\(name);"
        } else {
          location.pointsPastEntity = true
        }
        result.append(
          DiagnosticDraft(location: location) { span, _ in
            .rejectedEntity(libxml2Message: message, at: span)
          })
      } else if message.hasPrefix("Excessive depth in document") {
        result.append(
          DiagnosticDraft(location: location) { span, _ in
            .catalogLimitExceeded(
              "the XML nests elements deeper than libxml2's limit of 256 levels", at: span,
              help: "catalogs are shallow; check that this is the intended file")
          })
      } else {
        result.append(
          DiagnosticDraft(location: location) { span, _ in .malformedXML(message, at: span) })
      }
    }
    return result
  }

  /// libxml2 codes of errors caused by entities (undeclared, external, looping).
  private static let entityErrorCodes: Set<Int32> = [
    Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
    Int32(XML_ERR_ENTITY_IS_EXTERNAL.rawValue), Int32(XML_ERR_ENTITY_IS_PARAMETER.rawValue),
    Int32(XML_ERR_UNPARSED_ENTITY.rawValue), Int32(XML_ERR_ENTITY_LOOP.rawValue),
    Int32(XML_ERR_ENTITY_BOUNDARY.rawValue),
  ]

  /// Drops repeats: errors from inside an entity's text (no file) that libxml2 also reported
  /// in the document, and identical messages on one line.
  static func deduplicated(_ entries: [XMLErrorCollector.Entry]) -> [XMLErrorCollector.Entry] {
    let withFile = Set(entries.filter { $0.file != nil }.map { "\($0.code) \($0.message)" })
    var seen: Set<String> = []
    return entries.filter { entry in
      if entry.file == nil, withFile.contains("\(entry.code) \(entry.message)") { return false }
      return seen.insert("\(entry.code) \(entry.line) \(entry.message)").inserted
    }
  }

  /// The element and attribute a schema validity message is about.
  static func schemaSubject(of message: String) -> (element: String?, attribute: String?) {
    func quoted(after prefix: String, in text: Substring) -> (String, Substring)? {
      guard text.hasPrefix(prefix) else { return nil }
      let rest = text.dropFirst(prefix.count)
      guard let close = rest.firstIndex(of: "'") else { return nil }
      var name = String(rest[..<close])
      // Namespaced names are written `{uri}local`.
      if let brace = name.lastIndex(of: "}") { name = String(name[name.index(after: brace)...]) }
      return (name, rest[rest.index(after: close)...])
    }
    guard let (element, rest) = quoted(after: "Element '", in: message[...]) else {
      return (nil, nil)
    }
    let attribute = quoted(after: ", attribute '", in: rest)?.0
    return (element, attribute)
  }

  static func withoutFinalPeriod(_ message: String) -> String {
    message.hasSuffix(".") ? String(message.dropLast()) : message
  }

  // MARK: - Keys

  /// Every repeated key (when keys must be unique), with both lines, up to `budget`.
  private func duplicateKeyDrafts(budget: Int) -> [DiagnosticDraft] {
    guard !mapping.allowsDuplicateKeys else { return [] }
    var firstLines: [Value: Int] = [:]
    var result: [DiagnosticDraft] = []
    let keyField = mapping.keyField
    let fieldName = mapping.fields[keyField].name
    let recordName = mapping.recordPath.steps.last?.name.localName
    for (row, line) in zip(rows, rowLines) {
      let key = row.fields[keyField]
      guard let firstLine = firstLines[key] else {
        firstLines[key] = line
        continue
      }
      let shown: String
      if case .text(let text) = key { shown = text } else { shown = key.description }
      result.append(
        DiagnosticDraft(
          location: XMLLocation(file: path, line: line, element: recordName),
          notes: [XMLLocation(file: path, line: firstLine, element: recordName)]
        ) { span, notes in
          .duplicateCatalogKey(
            shown, field: fieldName, lines: (firstLine, line), at: span, first: notes[0])
        })
      if result.count >= budget { break }
    }
    return result
  }
}
