import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Types a catalog field may have: scalars and optional scalars.
  static func isCatalogFieldType(_ type: ValueType) -> Bool {
    switch type {
    case .bool, .int, .decimal, .percent, .money, .text, .date, .duration, .enumeration, .region,
      .error:
      return true
    case .optional(let wrapped): return isCatalogFieldType(wrapped)
    default: return false
    }
  }

  /// Checks a catalog declaration and builds its mapping: record path, selectors, field types
  /// and key, with paths resolved against the declaring file.
  func checkCatalog(_ syntax: CatalogDeclaration, file: SourceFile, index: Int) -> CheckedCatalog? {
    let name = syntax.name.name
    var failed = false
    let recordPath: XMLRecordPath
    do {
      recordPath = try XMLPathParser.parseRecordPath(syntax.records.value)
    } catch {
      report(.invalidSelector(error, in: syntax.records.value, at: syntax.records.span, quoted: true))
      failed = true
      recordPath = XMLRecordPath(steps: [])
    }
    var namespaces: [String: String] = [:]
    for namespace in syntax.namespaces {
      if namespaces[namespace.prefix.name] != nil {
        report(
          .duplicateMember(
            "namespace prefix", namespace.prefix.name, at: namespace.prefix.span,
            first: namespace.prefix.span))
      }
      namespaces[namespace.prefix.name] = namespace.uri.value
    }
    var fields: [CatalogMapping.Field] = []
    var spans: [String: Span] = [:]
    for field in syntax.fields {
      if let first = spans[field.name.name] {
        report(.duplicateMember("field", field.name.name, at: field.name.span, first: first))
        failed = true
        continue
      }
      spans[field.name.name] = field.name.span
      let type = resolveType(field.type)
      if !Self.isCatalogFieldType(type) {
        report(
          .mismatchedType(
            "a catalog field holds one value; \(type) is not supported", at: field.type.span,
            help: "use Text, Int, Decimal, Percent, Money, Date, Duration, Bool, an enum or Region, optionally with `?`"))
        failed = true
      }
      let selector: XMLSelector
      do {
        selector = try XMLPathParser.parseSelector(field.selector)
      } catch {
        report(.invalidSelector(error, in: field.selector, at: field.selectorSpan, quoted: false))
        failed = true
        continue
      }
      for prefix in selector.prefixes where namespaces[prefix] == nil {
        report(
          .undeclaredName(prefix, at: field.selectorSpan, candidates: namespaces.keys.sorted())
            .withHelp("declare it in the catalog: `namespace \(prefix) = \"urn:…\"`"))
        failed = true
      }
      fields.append(.init(name: field.name.name, type: type, selector: selector))
    }
    for step in recordPath.steps {
      for prefix in step.prefixes where namespaces[prefix] == nil {
        report(
          .undeclaredName(prefix, at: syntax.records.span, candidates: namespaces.keys.sorted())
            .withHelp("declare it in the catalog: `namespace \(prefix) = \"urn:…\"`"))
        failed = true
      }
    }
    guard let keyField = fields.firstIndex(where: { $0.name == syntax.key.name }) else {
      report(
        .unknownField(
          syntax.key.name, of: .record(RecordType(name: name, fields: [])), at: syntax.key.span,
          candidates: fields.map(\.name)))
      return nil
    }
    let keyType = fields[keyField].type
    if keyType.isOptional {
      report(
        .mismatchedType(
          "the key `\(syntax.key.name)` must always have a value, not \(keyType)", at: syntax.key.span,
          help: "declare the key field without `?`"))
      failed = true
    }
    if failed { return nil }
    let rowType = RecordType(
      name: "\(name) row", fields: fields.map { RecordType.Field(name: $0.name, type: $0.type) })
    let mapping = CatalogMapping(
      name: name, recordPath: recordPath, namespaces: namespaces, fields: fields,
      keyField: keyField, allowsDuplicateKeys: syntax.allowsDuplicateKeys, rowType: rowType,
      regions: regions)
    let xmlPath = FileSystem.resolve(syntax.xmlPath.value, relativeToFile: file.path)
    let directory = xmlPath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    let defaultSnapshot = (directory.isEmpty ? "" : directory + "/") + "\(name).vcat"
    return CheckedCatalog(
      id: CatalogID(index), mapping: mapping, xmlPath: xmlPath,
      schemaPath: syntax.schema.map { FileSystem.resolve($0.value, relativeToFile: file.path) },
      snapshotPath: syntax.snapshot.map { FileSystem.resolve($0.value, relativeToFile: file.path) }
        ?? defaultSnapshot,
      snapshotIsDeclared: syntax.snapshot != nil, span: syntax.name.span)
  }

  /// `catalog[key]`.
  func checkCatalogLookup(_ index: Int, key syntax: Expr, scope: Scope, span: Span) -> TypedExpr {
    guard let catalog = catalogs[index] else { return errorNode(span) }
    let mapping = catalog.mapping
    let keyType = mapping.fields[mapping.keyField].type
    let key = coerce(
      check(syntax, expected: keyType, scope: scope), to: keyType,
      "as the key of catalog `\(mapping.name)`")
    let row = ValueType.record(mapping.rowType)
    let type: ValueType = mapping.allowsDuplicateKeys ? .list(row) : .optional(row)
    return TypedExpr(.catalogLookup(CatalogID(index), key), type: type, span: span)
  }
}

extension Diagnostic {
  static func invalidSelector(
    _ error: XMLPathParser.SyntaxError, in text: String, at span: Span, quoted: Bool
  ) -> Diagnostic {
    // Point at the offending character inside the written path.
    let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(error.offset)))
    let start = span.start + (quoted ? 1 : 0) + prefix.utf8.count
    let caret = Span(file: span.file, start: min(start, span.end), end: min(start + 1, span.end))
    return Diagnostic(
      .error, .invalidCatalog, "invalid path `\(text)`: \(error.message)", at: caret,
      help: "selectors are `@attribute`, `../@attribute`, `child/grandchild`, "
        + "`Value[@ColumnRef='code']/SimpleValue` and `.`")
  }
}
