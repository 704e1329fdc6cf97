import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Names of the built-in functions, for "did you mean".
  static let builtinNames = [
    "abs", "all", "amount", "any", "as_of", "as_percent", "as_ratio", "ceil", "contains", "count", "day",
    "days_between", "filter", "floor", "map", "max", "min", "month", "parent", "recognized",
    "round", "round_half_even", "sum", "take", "year", "years_between",
  ]

  func checkCall(
    _ callee: Identifier, _ arguments: [CallArgument], expected: ValueType?, scope: Scope,
    span: Span
  ) -> TypedExpr {
    if scope.locals[callee.name] == nil {
      switch symbols[callee.name] {
      case .function(let index)?:
        return checkFunctionCall(index, callee, arguments, scope: scope, span: span)
      case .standard(let index)?:
        return checkStandardCall(index, callee, arguments, scope: scope, span: span)
      default:
        break
      }
    }
    if callee.name == "recognized" {
      return checkRecognized(arguments, scope: scope, span: span)
    }
    for argument in arguments where argument.label != nil {
      report(
        .invalidArguments(
          "`\(callee.name)` takes no argument labels", at: argument.label?.span ?? span))
    }
    let name = callee.name
    switch name {
    case "count", "filter", "map":
      return checkCollectionFunction(name, arguments, scope: scope, span: span)
    case "sum":
      guard let (collection, element) = oneCollection(name, arguments, scope: scope, span: span)
      else { return errorNode(span) }
      guard element.isNumeric else {
        report(
          .invalidArguments(
            "`sum` adds Int, Decimal, Percent or Money elements, not \(element)",
            at: collection.span))
        return errorNode(span)
      }
      return TypedExpr(.builtin(.sum, [collection]), type: element, span: span)
    case "min", "max":
      return checkExtremum(name, arguments, expected: expected, scope: scope, span: span)
    case "contains":
      guard arguments.count == 2 else { return wrongCount(name, 2, arguments, span: span) }
      let collection = check(arguments[0].value, expected: nil, scope: scope)
      if collection.type == .text {
        let part = coerce(check(arguments[1].value, expected: .text, scope: scope), to: .text, "")
        return TypedExpr(.binary(.textContains, collection, part), type: .bool, span: span)
      }
      let element = check(arguments[1].value, expected: collection.type.elementType, scope: scope)
      return membership(collection: collection, element: element, op: "contains", span: span)
    case "round", "round_half_even", "floor", "ceil":
      return checkRounding(name, arguments, expected: expected, scope: scope, span: span)
    case "abs":
      guard arguments.count == 1 else { return wrongCount(name, 1, arguments, span: span) }
      let value = check(arguments[0].value, expected: expected, scope: scope)
      guard present(value, name), value.type.isNumeric else {
        return invalidArgumentType(name, value, "a number, percent or money amount")
      }
      return TypedExpr(.builtin(.absolute, [value]), type: value.type, span: span)
    case "years_between", "days_between":
      guard arguments.count == 2 else { return wrongCount(name, 2, arguments, span: span) }
      let dates = arguments.map {
        coerce(
          check($0.value, expected: .date, scope: scope), to: .date, "as an argument of `\(name)`")
      }
      let builtin: Builtin = name == "years_between" ? .yearsBetween : .daysBetween
      return TypedExpr(.builtin(builtin, dates), type: .int, span: span)
    case "year", "month", "day":
      guard arguments.count == 1 else { return wrongCount(name, 1, arguments, span: span) }
      let date = coerce(
        check(arguments[0].value, expected: .date, scope: scope), to: .date,
        "as the argument of `\(name)`")
      let builtin: Builtin = name == "year" ? .year : (name == "month" ? .month : .day)
      return TypedExpr(.builtin(builtin, [date]), type: .int, span: span)
    case "as_percent":
      guard arguments.count == 1 else { return wrongCount(name, 1, arguments, span: span) }
      let ratio = coerce(
        check(arguments[0].value, expected: .decimal, scope: scope), to: .decimal,
        "as the ratio to read as a percent")
      return TypedExpr(.builtin(.asPercent, [ratio]), type: .percent, span: span)
    case "as_ratio":
      guard arguments.count == 1 else { return wrongCount(name, 1, arguments, span: span) }
      let percent = coerce(
        check(arguments[0].value, expected: .percent, scope: scope), to: .percent,
        "as the percent to read as a ratio")
      return TypedExpr(.builtin(.asRatio, [percent]), type: .decimal, span: span)
    case "amount":
      guard arguments.count == 1 else { return wrongCount(name, 1, arguments, span: span) }
      let money = check(arguments[0].value, expected: nil, scope: scope)
      guard present(money, name), case .money = money.type else {
        return invalidArgumentType(name, money, "a money amount")
      }
      return TypedExpr(.builtin(.amount, [money]), type: .decimal, span: span)
    case "parent":
      guard arguments.count == 1 else { return wrongCount(name, 1, arguments, span: span) }
      let region = coerce(
        check(arguments[0].value, expected: .region, scope: scope), to: .region,
        "as the argument of `parent`")
      return TypedExpr(.builtin(.parent, [region]), type: .optional(.region), span: span)
    case "take":
      guard arguments.count == 2 else { return wrongCount(name, 2, arguments, span: span) }
      let list = check(arguments[0].value, expected: expected, scope: scope)
      guard present(list, name), case .list = list.type else {
        return invalidArgumentType(name, list, "a list (a set has no order to take from)")
      }
      let count = coerce(
        check(arguments[1].value, expected: .int, scope: scope), to: .int,
        "as the number of elements to take")
      return TypedExpr(.builtin(.take, [list, count]), type: list.type, span: span)
    case "as_of":
      guard arguments.isEmpty else { return wrongCount(name, 0, arguments, span: span) }
      return TypedExpr(.builtin(.asOf, []), type: .date, span: span)
    case "any", "all":
      report(
        .invalidArguments(
          "`\(name)` is written `\(name) x in xs: condition`", at: span,
          help: "e.g. `\(name) c in supplier.certifications: c == \"ISO 14001\"`"))
      return errorNode(span)
    default:
      let candidates =
        Self.builtinNames
        + symbols.compactMap { name, symbol in
          if case .function = symbol { return name }
          return nil
        }
      report(.unknownFunction(name, at: callee.span, candidates: candidates.sorted()))
      return errorNode(span)
    }
  }

  /// `recognized(code, in: region)`.
  func checkRecognized(_ arguments: [CallArgument], scope: Scope, span: Span) -> TypedExpr {
    let positional = arguments.filter { $0.label == nil }
    guard positional.count == 1, let regionArgument = arguments.first(where: { $0.label?.name == "in" }),
      arguments.count == 2
    else {
      report(
        .invalidArguments(
          "`recognized` takes a code and a region", at: span,
          help: "write `recognized(certificate, in: EU)`"))
      return errorNode(span)
    }
    let code = coerce(
      check(positional[0].value, expected: .text, scope: scope), to: .text,
      "as the code of `recognized`")
    let region = coerce(
      check(regionArgument.value, expected: .region, scope: scope), to: .region,
      "as the region of `recognized`")
    return TypedExpr(.builtin(.recognized, [code, region]), type: .bool, span: span)
  }

  // MARK: - User functions

  func checkFunctionCall(
    _ index: Int, _ callee: Identifier, _ arguments: [CallArgument], scope: Scope, span: Span
  ) -> TypedExpr {
    noteDependency(onFunction: index, at: callee.span)
    let parameters = functions[index].parameters
    guard arguments.count == parameters.count else {
      return wrongCount(callee.name, parameters.count, arguments, span: span)
    }
    var checked: [TypedExpr] = []
    for (argument, parameter) in zip(arguments, parameters) {
      if let label = argument.label {
        report(.invalidArguments("`\(callee.name)` takes no argument labels", at: label.span))
      }
      checked.append(
        coerce(
          check(argument.value, expected: parameter.type, scope: scope), to: parameter.type,
          "as argument `\(parameter.name)` of `\(callee.name)`"))
    }
    return TypedExpr(
      .call(FunctionID(index), checked), type: functions[index].resultType, span: span)
  }

  // MARK: - Collections

  func checkCollectionFunction(
    _ name: String, _ arguments: [CallArgument], scope: Scope, span: Span
  )
    -> TypedExpr
  {
    if name == "count", arguments.count == 1 {
      guard let (collection, _) = oneCollection(name, arguments, scope: scope, span: span) else {
        return errorNode(span)
      }
      return TypedExpr(.builtin(.count, [collection]), type: .int, span: span)
    }
    guard arguments.count == 2 else {
      return wrongCount(name, name == "count" ? 1 : 2, arguments, span: span)
    }
    let collection = check(arguments[0].value, expected: nil, scope: scope)
    guard let element = collectionElement(collection, "as the first argument of `\(name)`") else {
      return errorNode(span)
    }
    guard case .lambda(let variable, let body) = arguments[1].value.kind else {
      report(
        .invalidArguments(
          "the second argument of `\(name)` must be a lambda such as `x => x > 0`",
          at: arguments[1].value.span))
      return errorNode(span)
    }
    let (local, inner) = bind(variable, element, in: scope)
    switch name {
    case "map":
      let mapped = check(body, expected: nil, scope: inner)
      return TypedExpr(.map(local, collection, mapped), type: .list(mapped.type), span: span)
    case "filter":
      let predicate = checkCondition(body, scope: inner, "as the condition of `filter`")
      return TypedExpr(.filter(local, collection, predicate), type: collection.type, span: span)
    default:
      let predicate = checkCondition(body, scope: inner, "as the condition of `count`")
      return TypedExpr(.countWhere(local, collection, predicate), type: .int, span: span)
    }
  }

  func oneCollection(_ name: String, _ arguments: [CallArgument], scope: Scope, span: Span)
    -> (TypedExpr, ValueType)?
  {
    guard arguments.count == 1 else {
      _ = wrongCount(name, 1, arguments, span: span)
      return nil
    }
    let collection = check(arguments[0].value, expected: nil, scope: scope)
    guard let element = collectionElement(collection, "as the argument of `\(name)`") else {
      return nil
    }
    return (collection, element)
  }

  func checkExtremum(
    _ name: String, _ arguments: [CallArgument], expected: ValueType?, scope: Scope, span: Span
  ) -> TypedExpr {
    if arguments.count == 1 {
      guard let (collection, element) = oneCollection(name, arguments, scope: scope, span: span)
      else { return errorNode(span) }
      guard element.isOrdered else {
        report(
          .invalidArguments("\(element) values have no order for `\(name)`", at: collection.span))
        return errorNode(span)
      }
      return TypedExpr(
        .builtin(name == "min" ? .minimum : .maximum, [collection]), type: element, span: span)
    }
    guard arguments.count >= 2 else { return wrongCount(name, 2, arguments, span: span) }
    let values = arguments.map { check($0.value, expected: expected, scope: scope) }
    var type = values[0].type
    for value in values.dropFirst() {
      guard let joined = join(type, value.type) else {
        report(
          .mismatchedType(
            "the arguments of `\(name)` have different types, \(type) and \(value.type)",
            at: value.span))
        return errorNode(span)
      }
      type = joined
    }
    if type == .error { return errorNode(span) }
    guard !type.isOptional else {
      if let optional = values.first(where: { $0.type.isOptional }) {
        report(.unwrappedOptional(optional.type, "as an argument of `\(name)`", at: optional.span))
      }
      return errorNode(span)
    }
    guard type.isOrdered else {
      report(.invalidArguments("\(type) values have no order for `\(name)`", at: span))
      return errorNode(span)
    }
    let converted = values.map { coerce($0, to: type, "as an argument of `\(name)`") }
    return TypedExpr(
      .builtin(name == "min" ? .least : .greatest, converted), type: type, span: span)
  }

  // MARK: - Numbers

  func checkRounding(
    _ name: String, _ arguments: [CallArgument], expected: ValueType?, scope: Scope, span: Span
  ) -> TypedExpr {
    guard arguments.count == 1 || arguments.count == 2 else {
      return wrongCount(name, 2, arguments, span: span)
    }
    let value = check(arguments[0].value, expected: expected, scope: scope)
    guard present(value, name) else { return errorNode(span) }
    let rule: ExactDecimal.RoundingRule
    switch name {
    case "round": rule = .halfAwayFromZero
    case "round_half_even": rule = .halfEven
    case "floor": rule = .down
    default: rule = .up
    }
    var places = TypedExpr(.constant(.int(0)), type: .int, span: span)
    if arguments.count == 2 {
      places = coerce(
        check(arguments[1].value, expected: .int, scope: scope), to: .int,
        "as the number of decimal places")
      if case .int(let count)? = places.constantValue,
        !(0...Int64(ExactDecimal.fractionDigits)).contains(count)
      {
        report(
          .invalidArguments(
            "`\(name)` keeps 0 to \(ExactDecimal.fractionDigits) decimal places, not \(count)",
            at: places.span))
      }
    }
    switch value.type {
    case .int:
      return value
    case .decimal, .percent, .money:
      return TypedExpr(.builtin(.round(rule), [value, places]), type: value.type, span: span)
    default:
      return invalidArgumentType(name, value, "a Decimal, Percent or Money")
    }
  }

  // MARK: - CallArgument errors

  func present(_ value: TypedExpr, _ function: String) -> Bool {
    if value.type.isOptional {
      report(.unwrappedOptional(value.type, "as an argument of `\(function)`", at: value.span))
      return false
    }
    return value.type != .error
  }

  func wrongCount(_ name: String, _ expected: Int, _ arguments: [CallArgument], span: Span)
    -> TypedExpr
  {
    report(
      .invalidArguments(
        "`\(name)` takes \(expected) argument\(expected == 1 ? "" : "s"), found \(arguments.count)",
        at: span))
    return errorNode(span)
  }

  func invalidArgumentType(_ name: String, _ value: TypedExpr, _ wanted: String) -> TypedExpr {
    if value.type != .error {
      report(
        .invalidArguments("`\(name)` expects \(wanted), found \(value.type)", at: value.span))
    }
    return errorNode(value.span)
  }
}
