import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Checks an expression. `expected` is a hint (it resolves bare enum cases, empty
  /// collections, record literals and integer literals); callers that require a type pass the
  /// result through ``coerce(_:to:_:)``.
  func check(_ expr: Expr, expected: ValueType?, scope: Scope) -> TypedExpr {
    let span = expr.span
    switch expr.kind {
    case .literal(let literal):
      return checkLiteral(literal, expected: expected, span: span)
    case .name(let name):
      return checkName(name, expected: expected, scope: scope, span: span)
    case .regionCode(let code):
      return checkRegionCode(code, span: span)
    case .member(let base, let field, let optional):
      return checkMember(
        base, field, optional: optional, expected: expected, scope: scope, span: span)
    case .index(let base, let key):
      if case .name(let name) = base.kind, scope.locals[name] == nil,
        case .catalog(let index)? = symbols[name]
      {
        return checkCatalogLookup(index, key: key, scope: scope, span: span)
      }
      let object = check(base, expected: nil, scope: scope)
      if object.type != .error {
        report(
          .invalidOperand("[…]", object.type, at: span, help: "only catalogs can be looked up by key"))
      }
      return errorNode(span)
    case .call(let callee, let arguments):
      return checkCall(callee, arguments, expected: expected, scope: scope, span: span)
    case .lambda:
      report(
        .invalidArguments(
          "a lambda can only be an argument of `filter`, `map` or `count`", at: span))
      return errorNode(span)
    case .unary(let op, let operand):
      return checkUnary(op, operand, expected: expected, scope: scope, span: span)
    case .binary(let op, let lhs, let rhs):
      return checkBinary(op, lhs, rhs, expected: expected, scope: scope, span: span)
    case .isPresent(let operand, let negated):
      let checked = check(operand, expected: nil, scope: scope)
      if !checked.type.isOptional, checked.type != .error {
        report(
          .redundantCheck(
            "`\(operand.span.text)` has type \(checked.type), which is never absent, so this "
              + "check is always \(negated ? "false" : "true")", at: span,
            help: "remove the check"))
      }
      let test = TypedExpr(.isPresent(checked), type: .bool, span: span)
      return negated ? TypedExpr(.not(test), type: .bool, span: span) : test
    case .quantifier(let quantifier, let variable, let collection, let body):
      let source = check(collection, expected: nil, scope: scope)
      guard let element = collectionElement(source, "after `\(quantifier.rawValue) … in`") else {
        return errorNode(span)
      }
      let (local, inner) = bind(variable, element, in: scope)
      let predicate = checkCondition(
        body, scope: inner, "as the condition of `\(quantifier.rawValue)`")
      return TypedExpr(.quantifier(quantifier, local, source, predicate), type: .bool, span: span)
    case .conditional(let condition, let then, let otherwise):
      let test = checkCondition(condition, scope: scope, "after `if`")
      let thenExpr = check(
        then, expected: expected, scope: scope.knowing(Narrowing.presentWhenTrue(test)))
      let elseExpr = check(
        otherwise, expected: expected ?? thenExpr.type,
        scope: scope.knowing(Narrowing.presentWhenFalse(test)))
      guard let type = join(thenExpr.type, elseExpr.type) else {
        report(
          .mismatchedType(
            "the branches of `if` have different types, \(thenExpr.type) and \(elseExpr.type)",
            at: span))
        return errorNode(span)
      }
      return TypedExpr(
        .conditional(
          test, coerce(thenExpr, to: type, "after `then`"),
          coerce(elseExpr, to: type, "after `else`")), type: type, span: span)
    case .list(let elements):
      return checkCollection(elements, isSet: false, expected: expected, scope: scope, span: span)
    case .set(let elements):
      return checkCollection(elements, isSet: true, expected: expected, scope: scope, span: span)
    case .record(let fields):
      return checkRecordLiteral(fields, expected: expected, scope: scope, span: span)
    case .error:
      return errorNode(span)
    }
  }

  /// A node of the error type, for expressions that already failed.
  func errorNode(_ span: Span) -> TypedExpr {
    TypedExpr(.constant(.absent), type: .error, span: span)
  }

  /// Checks a Bool-valued expression.
  func checkCondition(_ expr: Expr, scope: Scope, _ context: String) -> TypedExpr {
    coerce(check(expr, expected: .bool, scope: scope), to: .bool, context)
  }

  /// Introduces a lambda or quantifier variable.
  func bind(_ variable: Identifier, _ type: ValueType, in scope: Scope) -> (LocalID, Scope) {
    let local = newLocal()
    var inner = scope
    inner.locals[variable.name] = (local, type)
    return (local, inner)
  }

  /// The element type of a list or set operand, reporting anything else.
  func collectionElement(_ expr: TypedExpr, _ context: String) -> ValueType? {
    if expr.type == .error { return nil }
    if let element = expr.type.elementType { return element }
    if expr.type.isOptional, expr.type.unwrapped.elementType != nil {
      report(.unwrappedOptional(expr.type, context, at: expr.span))
    } else {
      report(
        .mismatchedType("expected a list or set \(context), found \(expr.type)", at: expr.span))
    }
    return nil
  }

  /// Applies flow typing: an optional path proven present reads as its wrapped type.
  func narrowed(_ expr: TypedExpr, scope: Scope) -> TypedExpr {
    guard case .optional(let wrapped) = expr.type, let key = Narrowing.key(of: expr),
      scope.present.contains(key)
    else { return expr }
    return TypedExpr(.unwrap(expr), type: wrapped, span: expr.span)
  }

  // MARK: - Names

  func checkName(_ name: String, expected: ValueType?, scope: Scope, span: Span) -> TypedExpr {
    if let local = scope.locals[name] {
      return narrowed(TypedExpr(.local(local.id), type: local.type, span: span), scope: scope)
    }
    if case .enumeration(let enumType)? = expected?.unwrapped,
      let ordinal = enumType.ordinal(of: name)
    {
      return enumCase(enumType, ordinal, span: span)
    }
    switch symbols[name] {
    case .declaration(let index)?:
      let type = typeOfDeclaration(index, readAt: span)
      return narrowed(
        TypedExpr(.declaration(DeclarationID(index)), type: type, span: span), scope: scope)
    case .function?, .standard?:
      report(
        .invalidArguments(
          "`\(name)` is a function; call it with arguments", at: span, help: "write `\(name)(…)`"))
      return errorNode(span)
    case .catalog(let index)?:
      guard let catalog = catalogs[index] else { return errorNode(span) }
      return TypedExpr(
        .catalogRows(CatalogID(index)), type: .list(.record(catalog.mapping.rowType)), span: span)
    case nil:
      break
    }
    let owners = enumOrder.filter { $0.ordinal(of: name) != nil }
    if owners.count == 1, let ordinal = owners[0].ordinal(of: name) {
      return enumCase(owners[0], ordinal, span: span)
    }
    if owners.count > 1 {
      report(.ambiguousCase(name, enums: owners.map(\.name), at: span))
      return errorNode(span)
    }
    if let index = regions.index(of: name) {
      return TypedExpr(
        .constant(.region(Region(hierarchy: regions, index: index))), type: .region, span: span)
    }
    if enums[name] != nil || records[name] != nil {
      report(
        .mismatchedType(
          "`\(name)` is a type, not a value", at: span,
          help: enums[name] != nil
            ? "name a case, e.g. `\(name).\(enums[name]?.type.cases.first ?? "A")`" : nil))
      return errorNode(span)
    }
    var candidates = Array(scope.locals.keys) + Array(symbols.keys)
    if case .enumeration(let enumType)? = expected?.unwrapped {
      candidates += enumType.cases
    } else {
      candidates += enumOrder.flatMap(\.cases)
    }
    // `CN44` is read as a name, not a region code; suggest `CN-44` when a region fits.
    if expected?.unwrapped == .region || name.allSatisfy({ $0.isUppercase || $0.isNumber }) {
      candidates += regions.codes
    }
    report(.undeclaredName(name, at: span, candidates: candidates.sorted()))
    return errorNode(span)
  }

  func enumCase(_ type: EnumType, _ ordinal: Int, span: Span) -> TypedExpr {
    TypedExpr(
      .constant(.enumCase(EnumCase(type: type, ordinal: ordinal))), type: .enumeration(type),
      span: span)
  }

  func checkRegionCode(_ code: String, span: Span) -> TypedExpr {
    if let index = regions.index(of: code) {
      return TypedExpr(
        .constant(.region(Region(hierarchy: regions, index: index))), type: .region, span: span)
    }
    report(
      Diagnostic(
        .error, .undeclaredName, "undeclared region `\(code)`", at: span,
        label: "not in the ruleset's `regions` hierarchy",
        help: NameSuggestion.closest(to: code, among: regions.codes).map { "did you mean `\($0)`?" }
          ?? (regions.codes.isEmpty
            ? "declare the hierarchy with `regions { … }`; write subtraction with spaces (`a - b`)"
            : nil)))
    return errorNode(span)
  }

  // MARK: - Fields

  func checkMember(
    _ base: Expr, _ field: Identifier, optional: Bool, expected: ValueType?, scope: Scope,
    span: Span
  ) -> TypedExpr {
    // `Grade.A`: a qualified enum case, unless `Grade` names a value.
    if case .name(let typeName) = base.kind, scope.locals[typeName] == nil,
      symbols[typeName] == nil,
      let enumType = enums[typeName]?.type
    {
      guard let ordinal = enumType.ordinal(of: field.name) else {
        report(
          .unknownField(
            field.name, of: .enumeration(enumType), at: field.span, candidates: enumType.cases))
        return errorNode(span)
      }
      return enumCase(enumType, ordinal, span: span)
    }
    var object = check(base, expected: nil, scope: scope)
    if object.type == .error { return errorNode(span) }
    // `catalog[key].field` reads a field of a row that must exist: a missing row is an
    // evaluation error naming the key (and a regional standard falls back to its parent).
    if case .catalogLookup = object.kind, !optional, case .optional(let row) = object.type {
      object = TypedExpr(.requireRow(object), type: row, span: object.span)
    }
    var recordType: RecordType
    var throughOptional = false
    switch object.type {
    case .record(let type):
      recordType = type
    case .optional(.record(let type)):
      guard optional else {
        report(.unwrappedOptional(object.type, "before `.\(field.name)`", at: object.span))
        return errorNode(span)
      }
      recordType = type
      throughOptional = true
    default:
      report(
        .unknownField(
          field.name, of: object.type, at: field.span, candidates: []))
      return errorNode(span)
    }
    guard let index = recordType.fieldIndex(named: field.name) else {
      report(
        .unknownField(
          field.name, of: .record(recordType), at: field.span,
          candidates: recordType.fields.map(\.name)))
      return errorNode(span)
    }
    let fieldType = recordType.fields[index].type
    if throughOptional {
      let type: ValueType = fieldType.isOptional ? fieldType : .optional(fieldType)
      return narrowed(
        TypedExpr(.optionalField(object, index: index), type: type, span: span), scope: scope)
    }
    return narrowed(
      TypedExpr(.field(object, index: index), type: fieldType, span: span), scope: scope)
  }

  // MARK: - Collections and records

  func checkCollection(
    _ elements: [Expr], isSet: Bool, expected: ValueType?, scope: Scope, span: Span
  ) -> TypedExpr {
    var hint: ValueType?
    switch expected?.unwrapped {
    case .list(let element)?, .set(let element)?: hint = element
    default: hint = nil
    }
    let checked = elements.map { check($0, expected: hint, scope: scope) }
    var elementType = hint
    if elementType == nil {
      for element in checked {
        guard let current = elementType else {
          elementType = element.type
          continue
        }
        guard let joined = join(current, element.type) else {
          report(
            .mismatchedType(
              "\(isSet ? "set" : "list") elements have different types, \(current) and "
                + "\(element.type)", at: element.span))
          return errorNode(span)
        }
        elementType = joined
      }
    }
    guard let element = elementType else {
      report(.emptyCollectionType(at: span, isSet: isSet))
      return errorNode(span)
    }
    let converted = checked.map {
      coerce($0, to: element, "as \(isSet ? "a set" : "a list") element")
    }
    let type: ValueType = isSet ? .set(element) : .list(element)
    let values = converted.compactMap(\.constantValue)
    if values.count == converted.count {
      return TypedExpr(
        .constant(isSet ? Value.makeSet(values) : .list(values)), type: type, span: span)
    }
    return TypedExpr(isSet ? .set(converted) : .list(converted), type: type, span: span)
  }

  func checkRecordLiteral(
    _ fields: [FieldInitializer], expected: ValueType?, scope: Scope, span: Span
  ) -> TypedExpr {
    guard case .record(let recordType)? = expected?.unwrapped else {
      report(
        .invalidRecordLiteral(
          "cannot tell which record type this literal is", at: span,
          help: "use it where a record is expected, e.g. as the value of a typed `let`"))
      return errorNode(span)
    }
    var values: [TypedExpr?] = Array(repeating: nil, count: recordType.fields.count)
    for field in fields {
      guard let index = recordType.fieldIndex(named: field.name.name) else {
        report(
          .unknownField(
            field.name.name, of: .record(recordType), at: field.name.span,
            candidates: recordType.fields.map(\.name)))
        continue
      }
      if values[index] != nil {
        report(
          .invalidRecordLiteral("field `\(field.name.name)` is given twice", at: field.name.span))
        continue
      }
      let type = recordType.fields[index].type
      values[index] = coerce(
        check(field.value, expected: type, scope: scope), to: type,
        "as field `\(field.name.name)`")
    }
    var complete: [TypedExpr] = []
    var missing: [String] = []
    for (index, field) in recordType.fields.enumerated() {
      if let value = values[index] {
        complete.append(value)
      } else if field.type.isOptional {
        complete.append(TypedExpr(.constant(.absent), type: field.type, span: span))
      } else {
        missing.append(field.name)
      }
    }
    if !missing.isEmpty {
      report(
        .invalidRecordLiteral(
          "\(recordType.name) is missing \(missing.count == 1 ? "field" : "fields") "
            + missing.map { "`\($0)`" }.joined(separator: ", "), at: span))
      return errorNode(span)
    }
    let type = ValueType.record(recordType)
    let constants = complete.compactMap(\.constantValue)
    if constants.count == complete.count {
      return TypedExpr(
        .constant(.record(RecordValue(type: recordType, fields: constants))), type: type, span: span
      )
    }
    return TypedExpr(.record(recordType, complete), type: type, span: span)
  }
}
