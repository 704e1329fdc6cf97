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
///
/// Rows go straight into one ``CatalogColumnBuilder`` per field; no `Value` or `RecordValue`
/// is made per row. Each record is converted in two steps: every field into `pending` (texts
/// borrowed from libxml2's tree, numbers and dates parsed from the bytes), then, only if the
/// whole record is valid, appended to the columns. The common case (an attribute holding one
/// plain text) takes a fast path; anything else takes the general path, which also explains
/// errors. Memory is the table's own: the reader holds one record at a time, the columns are
/// sized once from the file size after 20,000 rows, and no line is kept per row (a duplicate
/// key, the one diagnostic that needs the lines of two rows, reads the file again).
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
    let kind: Kind
    let selector: XMLSelector
    let compiled: CompiledSelector
    /// For an ancestor's attribute: the levels up, so its converted value can be reused by
    /// every record under the same ancestor.
    let ancestorLevels: Int
    /// For an attribute selector: the attribute's name (the fast path of `record`).
    let attribute: CompiledName?

    init(_ field: CatalogMapping.Field, compiled: CompiledSelector) {
      name = field.name
      valueType = field.type.unwrapped
      isOptional = field.type.isOptional
      if case .text = valueType { isText = true } else { isText = false }
      switch valueType {
      case .text: kind = .text
      case .decimal: kind = .decimal
      case .percent: kind = .percent
      case .int: kind = .int
      case .date: kind = .date
      default: kind = .other
      }
      selector = field.selector
      self.compiled = compiled
      if case .attribute(let name, let levels) = compiled {
        ancestorLevels = levels
        attribute = name
      } else {
        ancestorLevels = 0
        attribute = nil
      }
    }
  }

  /// The types converted without making a `Value`.
  enum Kind { case text, decimal, percent, int, date, other }

  /// A field's converted value, held until the whole record is known to be complete (a
  /// record with any error adds no row).
  enum Pending {
    case absent
    /// The same value as the column's previous row (an ancestor's attribute).
    case repeatLast
    /// Text borrowed from libxml2's tree, valid until the reader moves past the record.
    case text(UnsafeBufferPointer<UInt8>)
    case decimal(Int128)
    case int(Int64)
    case date(Int32)
    /// Any other value, kept in `pendingValues` (so that this enum stays a plain value that
    /// copies without reference counting).
    case value
  }

  /// What the per-record fast path needs of a field, as a plain value (no reference
  /// counting when read).
  struct FastPlan {
    /// For an attribute selector: the attribute's name.
    var attribute: CompiledName?
    /// That name as interned in the reader's dictionary, when it can match by pointer:
    /// libxml2 takes element and attribute names from that dictionary, and a dictionary
    /// string is never freed while the reader lives, so an equal pointer is an equal name.
    var internedName: UnsafePointer<UInt8>?
    /// For an ancestor's attribute, the levels up (0: the record's own).
    var levels: Int
    var kind: Kind
    var isOptional: Bool
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
  /// One builder per field: rows go straight into columns.
  @exclusivity(unchecked) private var builders: [CatalogColumnBuilder]
  /// The number of rows (complete records) so far.
  @exclusivity(unchecked) private var rowCount = 0
  /// Per field, the current record's converted value.
  private let pending: UnsafeMutableBufferPointer<Pending>
  /// Per field, the current record's value when `pending` says `.value`.
  @exclusivity(unchecked) private var pendingValues: [Value]
  /// Per field, the fast path's plan.
  private let fastPlans: UnsafeMutableBufferPointer<FastPlan>
  /// Per field, the serial of the ancestor the current record's value comes from (0: none).
  private let recordSerials: UnsafeMutableBufferPointer<Int>
  /// Per field, the serial of the ancestor the column's last row came from (0: none), so the
  /// next record under it repeats the value without reading it again.
  private let appendedSerials: UnsafeMutableBufferPointer<Int>
  /// The XML file's size, to estimate the row count once the first rows are in.
  private var fileSize = 0
  /// When set, the session only finds the lines of these rows (see `findLines()`).
  private let lineQuery: Set<Int>?
  @exclusivity(unchecked) private var foundLines: [Int: Int] = [:]
  /// The path elements above the current position: node, line, and a number that identifies
  /// the element for the value cache (node addresses are reused once freed).
  @exclusivity(unchecked)
  private var ancestors: [(node: xmlNodePtr, line: Int, serial: Int)] = []
  @exclusivity(unchecked) private var ancestorSerial = 0
  @exclusivity(unchecked) private var root: (line: Int, name: String)?
  @exclusivity(unchecked) private var matchedRecords = 0

  /// Prepares an import.
  init(path: String, mapping: CatalogMapping, limits: XMLLimits, lineQuery: Set<Int>? = nil) {
    self.path = path
    self.lineQuery = lineQuery
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
    builders =
      lineQuery == nil ? mapping.rowType.fields.map { CatalogColumnBuilder(type: $0.type) } : []
    // Scratch indexed by field, touched several times per record: plain buffers, so no
    // write checks whether an array is shared.
    pending = .allocate(capacity: plans.count)
    pending.initialize(repeating: .absent)
    pendingValues = Array(repeating: .absent, count: plans.count)
    fastPlans = .allocate(capacity: plans.count)
    for (index, plan) in plans.enumerated() {
      fastPlans.initializeElement(
        at: index,
        to: FastPlan(
          attribute: plan.attribute, internedName: nil, levels: plan.ancestorLevels,
          kind: plan.kind, isOptional: plan.isOptional))
    }
    recordSerials = .allocate(capacity: plans.count)
    recordSerials.initialize(repeating: 0)
    appendedSerials = .allocate(capacity: plans.count)
    appendedSerials.initialize(repeating: 0)
    converter = ValueConverter(regions: mapping.regions)
  }

  deinit {
    _ = pending.deinitialize()
    pending.deallocate()
    _ = fastPlans.deinitialize()
    fastPlans.deallocate()
    recordSerials.deallocate()
    appendedSerials.deallocate()
  }

  // MARK: - Running

  /// Runs the import.
  /// - Returns: The table and any warnings.
  func run(schema schemaPath: String?) throws(CatalogImportError) -> (CatalogTable, [Diagnostic]) {
    LibXML2.prepare()
    if let reason = Self.unreadableReason(path) {
      throw failure([unreadable("XML", path: path, reason: reason)])
    }
    fileSize = SnapshotFile.status(of: path).map { Int($0.size) } ?? 0
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
      // The rows read so far still show their repeated keys.
      let keys = builders[mapping.keyField].build()
      all += duplicateKeyDrafts(keys)
      throw failure(all)
    }
    // The builders' arrays move into the columns; their intern tables are freed here.
    let columns = builders.map { $0.build() }
    builders = []
    var duplicates: [CatalogKeyIndex.Duplicate] = []
    let index = CatalogKeyIndex(
      column: columns[mapping.keyField], allowsDuplicates: mapping.allowsDuplicateKeys,
      duplicateLimit: limits.maximumErrors, duplicates: &duplicates)
    if !duplicates.isEmpty {
      throw failure(
        all + duplicateKeyDrafts(columns[mapping.keyField], duplicates: duplicates))
    }
    let table = CatalogTable(
      name: mapping.name, rowType: mapping.rowType, columns: columns, keyField: mapping.keyField,
      allowsDuplicateKeys: mapping.allowsDuplicateKeys, source: path, index: index)
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

  /// Whether a line search found every row it looks for.
  private var isDone: Bool {
    guard let lineQuery else { return false }
    return foundLines.count == lineQuery.count
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
    for index in fastPlans.indices {
      if let name = fastPlans[index].attribute, name.namespaceURI == nil, !name.isUnresolvable {
        fastPlans[index].internedName = xmlTextReaderConstString(reader.pointer, name.local)
      }
    }
    var matched = 0
    var lastTextLine = 0
    var previousWasText = false
    var status = reader.read()
    while status == 1 {
      if isOverBudget || isDone { return 1 }
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
          // An empty record has no subtree to expand or walk (its attributes were checked
          // above), and reading on moves past it.
          let isEmpty = reader.isEmptyElement
          record(node, line: line, depth: depth, reader: reader, isEmpty: isEmpty)
          if aborted { return 1 }
          status = isEmpty ? reader.read() : reader.skipSubtree()
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

  /// Maps one record element to a row: converts every field, then appends them to the
  /// columns only if the record is complete.
  private func record(
    _ node: xmlNodePtr, line: Int, depth: Int, reader: XMLStreamReader, isEmpty: Bool
  ) {
    matchedRecords += 1
    let record: xmlNodePtr
    if isEmpty {
      record = node
    } else {
      // Reads the record's subtree (constant memory: one record at a time).
      guard let expanded = reader.expand() else { return }
      record = expanded
      if let problem = XMLNodes.check(record, rootDepth: depth, maximumDepth: limits.maximumDepth) {
        switch problem {
        case .entity(let entity): rejectEntity(entity, line: entity.line == 0 ? line : entity.line)
        case .tooDeep(let deepLine, let element): tooDeep(line: deepLine, element: element)
        }
        return
      }
    }
    var isComplete = true
    for index in 0..<fastPlans.count {
      let fast = fastPlans[index]
      // Ancestor attributes are the same for every record under that ancestor.
      var serial = 0
      if fast.levels > 0, fast.levels <= ancestors.count {
        serial = ancestors[ancestors.count - fast.levels].serial
        if appendedSerials[index] == serial {
          pending[index] = .repeatLast
          recordSerials[index] = serial
          continue
        }
      }
      recordSerials[index] = serial
      if let value = fastValue(fast, record: record) {
        pending[index] = value
        continue
      }
      // Anything unusual (a missing or empty value, entities, a number in another form, an
      // error) takes the general path, which also explains errors.
      let plan = plans[index]
      let selection = select(plan.compiled, record: record, line: line)
      let source: TextSource
      switch selection {
      case .missing:
        if plan.isOptional {
          pending[index] = .absent
        } else {
          missing(plan, record: record, line: line)
          isComplete = false
        }
        continue
      case .attribute(let text, _, _, _), .text(let text, _, _):
        source = text
      }
      let result: Result<Pending, ValueConverter.Failure>?
      switch source {
      case .borrowed(let bytes):
        result = convert(bytes, plan: plan, isBorrowed: true, field: index)
      case .owned(let bytes):
        result = bytes.withUnsafeBufferPointer {
          convert($0, plan: plan, isBorrowed: false, field: index)
        }
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
          pending[index] = .absent
        } else {
          missing(plan, record: record, line: line)
          isComplete = false
        }
      case .success(let value)?:
        pending[index] = value
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
    guard isComplete else { return }
    let row = rowCount
    rowCount += 1
    if let lineQuery {
      if lineQuery.contains(row) { foundLines[row] = line }
      return
    }
    let pending = self.pending
    let recordSerials = self.recordSerials
    let appendedSerials = self.appendedSerials
    builders.withUnsafeMutableBufferPointer { builders in
      for index in 0..<builders.count {
        switch pending[index] {
        case .absent: builders[index].appendAbsent()
        case .repeatLast: builders[index].appendRepeat()
        case .text(let bytes): builders[index].appendText(bytes)
        case .decimal(let units): builders[index].appendDecimal(units: units)
        case .int(let number): builders[index].appendInt(number)
        case .date(let days): builders[index].appendDate(days: days)
        case .value: builders[index].append(pendingValues[index])
        }
        appendedSerials[index] = recordSerials[index]
      }
    }
    if rowCount == 20_000 { reserveColumns(reader) }
  }

  /// The value of an attribute field in its common form (one text node, a plain number or
  /// date, a non-empty optional), or `nil` to take the general path.
  @inline(__always)
  private func fastValue(_ plan: FastPlan, record: xmlNodePtr) -> Pending? {
    guard let name = plan.attribute else { return nil }
    let owner: xmlNodePtr
    let levels = plan.levels
    if levels == 0 {
      owner = record
    } else {
      guard levels <= ancestors.count else { return nil }
      owner = ancestors[ancestors.count - levels].node
    }
    var found: xmlAttrPtr?
    if let interned = plan.internedName {
      var current = owner.pointee.properties
      while let attribute = current {
        if attribute.pointee.name == interned {
          found = attribute
          break
        }
        current = attribute.pointee.next
      }
    }
    guard let attribute = found ?? XMLNodes.attribute(name, of: owner),
      let text = attribute.pointee.children, text.pointee.next == nil,
      let content = text.pointee.content
    else { return nil }
    let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
    guard bytes.count <= limits.maximumValueLength else { return nil }
    switch plan.kind {
    case .text:
      if plan.isOptional, ValueConverter.trimmed(bytes).isEmpty { return nil }
      return .text(bytes)
    case .decimal:
      return ValueConverter.fastDecimal(ValueConverter.trimmed(bytes)).map { .decimal($0.units) }
    case .percent:
      return ValueConverter.fastPercent(ValueConverter.trimmed(bytes)).map { .decimal($0.units) }
    case .date:
      return ValueConverter.fastDate(ValueConverter.trimmed(bytes)).map { .date($0.daysSinceEpoch) }
    case .int:
      return ValueConverter.fastInt(ValueConverter.trimmed(bytes)).map { .int($0) }
    case .other:
      return nil
    }
  }

  /// Converts a field's text: the common types straight from the bytes, the others through
  /// ``ValueConverter``.
  /// - Returns: `nil` when the text is longer than the limit.
  @inline(__always)
  private func convert(
    _ bytes: UnsafeBufferPointer<UInt8>, plan: FieldPlan, isBorrowed: Bool, field: Int
  ) -> Result<Pending, ValueConverter.Failure>? {
    if bytes.count > limits.maximumValueLength { return nil }
    if plan.kind == .text {
      if plan.isOptional, ValueConverter.trimmed(bytes).isEmpty { return .success(.absent) }
      if isBorrowed { return .success(.text(bytes)) }
      pendingValues[field] = .text(String(decoding: bytes, as: UTF8.self))
      return .success(.value)
    }
    let trimmed = ValueConverter.trimmed(bytes)
    if trimmed.isEmpty { return .success(.absent) }
    switch plan.kind {
    case .decimal:
      if let number = ValueConverter.fastDecimal(trimmed) {
        return .success(.decimal(number.units))
      }
    case .percent:
      if let number = ValueConverter.fastPercent(trimmed) {
        return .success(.decimal(number.units))
      }
    case .date:
      if let date = ValueConverter.fastDate(trimmed) { return .success(.date(date.daysSinceEpoch)) }
    case .int:
      if let number = ValueConverter.fastInt(trimmed) { return .success(.int(number)) }
    case .text, .other:
      break
    }
    return converter.convert(bytes: bytes, to: plan.valueType).map { value in
      pendingValues[field] = value
      return .value
    }
  }

  /// Sizes every column for the rows the file will likely hold, from the bytes the first
  /// rows took: arrays are then allocated once instead of doubling (and copying) as they
  /// grow, which bounds peak memory near the table's own size.
  private func reserveColumns(_ reader: XMLStreamReader) {
    let consumed = Int(xmlTextReaderByteConsumed(reader.pointer))
    guard consumed > 0, fileSize > consumed else { return }
    let estimate = Double(rowCount) * Double(fileSize) / Double(consumed) * 1.03
    let rows = Int(min(estimate, Double(Int32.max))) + 1024
    for index in builders.indices { builders[index].reserveCapacity(rows) }
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

  /// Every repeated key (when keys must be unique), with both lines, up to the error limit.
  ///
  /// No line is kept per row while importing: on this rare error path the file is read again
  /// to find the lines of the rows involved.
  private func duplicateKeyDrafts(
    _ keys: CatalogColumn, duplicates known: [CatalogKeyIndex.Duplicate]? = nil
  ) -> [DiagnosticDraft] {
    guard !mapping.allowsDuplicateKeys else { return [] }
    let budget = limits.maximumErrors
    var duplicates = known ?? []
    if known == nil {
      _ = CatalogKeyIndex(
        column: keys, allowsDuplicates: false, duplicateLimit: budget, duplicates: &duplicates)
    }
    guard !duplicates.isEmpty else { return [] }
    let wanted = Set(duplicates.flatMap { [$0.first, $0.row] })
    let lines = ImportSession(path: path, mapping: mapping, limits: limits, lineQuery: wanted)
      .findLines()
    let fieldName = mapping.fields[mapping.keyField].name
    let recordName = mapping.recordPath.steps.last?.name.localName
    var result: [DiagnosticDraft] = []
    for duplicate in duplicates.prefix(budget) {
      let key = keys.value(at: duplicate.row)
      let shown: String
      if case .text(let text) = key { shown = text } else { shown = key.description }
      let firstLine = lines[duplicate.first] ?? 1
      let line = lines[duplicate.row] ?? 1
      result.append(
        DiagnosticDraft(
          location: XMLLocation(file: path, line: line, element: recordName),
          notes: [XMLLocation(file: path, line: firstLine, element: recordName)]
        ) { span, notes in
          .duplicateCatalogKey(
            shown, field: fieldName, lines: (firstLine, line), at: span, first: notes[0])
        })
    }
    return result
  }

  /// Reads the document again, as the import did, and returns the lines of the rows in
  /// `lineQuery` (0-based row numbers), stopping once all are found.
  private func findLines() -> [Int: Int] {
    LibXML2.prepare()
    guard let reader = XMLStreamReader(path: path, errors: collector) else { return [:] }
    _ = stream(reader)
    return foundLines
  }
}
