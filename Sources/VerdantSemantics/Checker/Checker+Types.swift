import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Names of the built-in types, for "did you mean" on unknown types.
  static let builtinTypeNames = [
    "Bool", "Int", "Decimal", "Percent", "Money", "Text", "Date", "Duration", "Region", "List",
    "Set",
  ]

  // MARK: - Declaring enums and records

  /// Creates every enum and record type. Records may contain other records; they are built in
  /// dependency order so each ``RecordType`` is complete (and immutable) when created.
  func declareTypes() {
    var recordSyntax: [(declaration: RecordDeclaration, isInput: Bool)] = []
    for unit in units {
      for declaration in unit.declarations {
        switch declaration.kind {
        case .enumeration(let enumDecl):
          declareEnum(enumDecl)
        case .record(let record):
          recordSyntax.append((record, false))
        case .input(let record):
          recordSyntax.append((record, true))
        default:
          break
        }
      }
    }
    var seenNames: [String: Span] = [:]
    for (type, span) in enums.values { seenNames[type.name] = span }
    var unique: [String: (declaration: RecordDeclaration, isInput: Bool)] = [:]
    var order: [String] = []
    declaredRecordNames = Set(recordSyntax.map(\.declaration.name.name))
    for entry in recordSyntax {
      let name = entry.declaration.name
      if let first = seenNames[name.name] {
        report(.duplicateDeclaration(name.name, at: name.span, first: first))
        continue
      }
      seenNames[name.name] = name.span
      unique[name.name] = entry
      order.append(name.name)
    }
    // Depth-first construction; a record met again while being built closes a cycle.
    var building: [String] = []
    func build(_ name: String) {
      guard records[name] == nil, let entry = unique[name] else { return }
      if let position = building.firstIndex(of: name) {
        let cycle = Array(building[position...])
        report(.recursiveRecord(cycle, at: entry.declaration.name.span))
        return
      }
      building.append(name)
      for field in entry.declaration.fields {
        for referenced in Self.namedTypes(in: field.type) where unique[referenced] != nil {
          build(referenced)
        }
      }
      building.removeLast()
      guard records[name] == nil else { return }
      var fields: [RecordType.Field] = []
      var fieldSpans: [String: Span] = [:]
      for field in entry.declaration.fields {
        if let first = fieldSpans[field.name.name] {
          report(.duplicateMember("field", field.name.name, at: field.name.span, first: first))
          continue
        }
        fieldSpans[field.name.name] = field.name.span
        fields.append(RecordType.Field(name: field.name.name, type: resolveType(field.type)))
      }
      let type = RecordType(name: name, fields: fields, isInput: entry.isInput)
      records[name] = (type, entry.declaration.name.span)
      recordOrder.append(type)
    }
    for name in order { build(name) }
  }

  private func declareEnum(_ declaration: EnumDeclaration) {
    let name = declaration.name
    if let existing = enums[name.name] {
      report(.duplicateDeclaration(name.name, at: name.span, first: existing.span))
      return
    }
    var cases: [String] = []
    var caseSpans: [String: Span] = [:]
    for caseName in declaration.cases {
      if let first = caseSpans[caseName.name] {
        report(.duplicateMember("enum case", caseName.name, at: caseName.span, first: first))
        continue
      }
      caseSpans[caseName.name] = caseName.span
      cases.append(caseName.name)
    }
    let type = EnumType(name: name.name, cases: cases)
    enums[name.name] = (type, name.span)
    enumOrder.append(type)
  }

  /// The declared type names a type expression mentions.
  static func namedTypes(in type: TypeSyntax) -> [String] {
    switch type.kind {
    case .optional(let wrapped): return namedTypes(in: wrapped)
    case .named(let name, let arguments):
      return [name.name] + arguments.flatMap(namedTypes)
    }
  }

  // MARK: - Resolving written types

  /// Resolves a written type, reporting unknown names (with a suggestion) and wrong arguments.
  func resolveType(_ syntax: TypeSyntax) -> ValueType {
    switch syntax.kind {
    case .optional(let wrapped):
      let inner = resolveType(wrapped)
      if case .optional = inner { return inner }
      return .optional(inner)
    case .named(let name, let arguments):
      func expectArguments(_ count: Int, _ example: String) -> Bool {
        if arguments.count == count { return true }
        report(
          .mismatchedType(
            "`\(name.name)` takes \(count == 0 ? "no type arguments" : "\(count) type argument")",
            at: syntax.span, help: "write `\(example)`"))
        return false
      }
      switch name.name {
      case "Bool": return expectArguments(0, "Bool") ? .bool : .error
      case "Int": return expectArguments(0, "Int") ? .int : .error
      case "Decimal": return expectArguments(0, "Decimal") ? .decimal : .error
      case "Percent": return expectArguments(0, "Percent") ? .percent : .error
      case "Text": return expectArguments(0, "Text") ? .text : .error
      case "Date": return expectArguments(0, "Date") ? .date : .error
      case "Duration": return expectArguments(0, "Duration") ? .duration : .error
      case "Region": return expectArguments(0, "Region") ? .region : .error
      case "Money":
        if arguments.isEmpty { return .money(nil) }
        guard arguments.count == 1, case .named(let code, let inner) = arguments[0].kind,
          inner.isEmpty
        else {
          _ = expectArguments(1, "Money<CNY>")
          return .error
        }
        return currency(code.name, at: code.span).map { .money($0) } ?? .error
      case "List", "Set":
        guard expectArguments(1, "\(name.name)<Text>") else { return .error }
        let element = resolveType(arguments[0])
        return name.name == "List" ? .list(element) : .set(element)
      default:
        if let enumType = enums[name.name]?.type {
          return expectArguments(0, name.name) ? .enumeration(enumType) : .error
        }
        if let record = records[name.name]?.type {
          return expectArguments(0, name.name) ? .record(record) : .error
        }
        // A record that could not be built (it is part of a reported cycle).
        if declaredRecordNames.contains(name.name) { return .error }
        let candidates = Self.builtinTypeNames + enums.keys.sorted() + records.keys.sorted()
        report(.undeclaredType(name.name, at: name.span, candidates: candidates))
        return .error
      }
    }
  }

  /// Validates an ISO 4217 currency code.
  func currency(_ code: String, at span: Span) -> Currency? {
    guard let currency = Currency(code: code), currency.isISO4217 else {
      report(.unknownCurrency(code, at: span))
      return nil
    }
    return currency
  }
}
