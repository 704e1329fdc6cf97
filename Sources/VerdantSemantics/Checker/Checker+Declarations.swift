import VerdantSyntax
import VerdantValues

extension CheckerSession {
  // MARK: - Declaring names

  /// Enters every value declaration and function into the symbol table, reporting duplicates,
  /// and records the types of declarations whose type is written out.
  func declareValues() {
    var spans: [String: Span] = [:]
    for unit in units {
      let isMain = unit.file === mainFile
      for declaration in unit.declarations {
        guard let name = declaration.name else { continue }
        switch declaration.kind {
        case .enumeration, .record, .importFile, .test, .regions, .equivalent:
          continue
        default:
          break
        }
        if let first = spans[name.name] {
          report(.duplicateDeclaration(name.name, at: name.span, first: first))
          continue
        }
        spans[name.name] = name.span
        if case .function(let function) = declaration.kind {
          symbols[name.name] = .function(functions.count)
          functions.append(PendingFunction(syntax: function))
          continue
        }
        if case .standard(let standard) = declaration.kind {
          symbols[name.name] = .standard(standards.count)
          standards.append(PendingStandard(syntax: standard))
          continue
        }
        if case .catalog(let catalog) = declaration.kind {
          let index = catalogCount
          catalogCount += 1
          symbols[name.name] = .catalog(index)
          catalogs[index] = checkCatalog(catalog, file: unit.file, index: index)
          continue
        }
        var pending = PendingDeclaration(
          syntax: declaration, name: name, file: unit.file, isMainFile: isMain)
        switch declaration.kind {
        case .input(let record):
          pending.type = records[record.name.name].map { .record($0.type) } ?? .error
        case .value(let letDecl):
          pending.type = letDecl.type.map(resolveType)
        case .parameter(let param):
          pending.type = resolveType(param.type)
        case .rule(let rule):
          pending.type = rule.type.map(resolveType)
        case .table(let table):
          pending.annotation = table.type.map(resolveType)
        default:
          break
        }
        symbols[name.name] = .declaration(declarations.count)
        declarations.append(pending)
      }
    }
  }

  /// The type of a declaration read from an expression, checking it first when its type must
  /// be inferred. A declaration met while it is being checked is part of a cycle; the cycle is
  /// reported once by ``reportCycles()``, so the read just gets the silent error type.
  func typeOfDeclaration(_ index: Int, readAt span: Span) -> ValueType {
    noteDependency(onDeclaration: index, at: span)
    if let type = declarations[index].type { return type }
    if declarations[index].state == .unchecked { checkDeclaration(index) }
    return declarations[index].type ?? .error
  }

  // MARK: - Checking declarations

  func checkDeclaration(_ index: Int) {
    guard declarations[index].state == .unchecked else { return }
    declarations[index].state = .checking
    dependencyStack.append(DependencySink())
    let declaration = declarations[index].syntax
    let name = declarations[index].name.name
    var kind: CheckedDeclaration.Kind?
    var type = declarations[index].type
    switch declaration.kind {
    case .input(let record):
      if let recordType = records[record.name.name]?.type { kind = .input(recordType) }
    case .value(let letDecl):
      let value = check(letDecl.value, expected: type, scope: Scope())
      if let annotated = type {
        kind = .value(coerce(value, to: annotated, "as the value of `\(name)`"))
      } else {
        kind = .value(value)
        type = value.type
      }
    case .parameter(let param):
      kind = .parameter(checkParameter(param, type: type ?? .error))
    case .rule(let rule):
      let checked = checkRule(rule, annotated: type)
      kind = .rule(checked.rule)
      type = checked.type
    case .scorecard(let scorecard):
      let checked = checkScorecard(scorecard)
      kind = .scorecard(checked.0)
      type = checked.1
    case .table(let table):
      let checked = checkTable(table, annotated: declarations[index].annotation)
      kind = .table(checked.0)
      type = checked.1
    case .enumeration, .record, .function, .importFile, .test, .regions, .standard, .equivalent,
      .catalog:
      break
    }
    declarations[index].dependencies = dependencyStack.removeLast()
    declarations[index].kind = kind
    declarations[index].type = type ?? .error
    declarations[index].state = .checked
  }

  func checkParameter(_ param: ParamDeclaration, type: ValueType) -> [ParameterVersion] {
    var versions: [ParameterVersion] = []
    var previous: (date: CivilDate, span: Span)?
    for version in param.versions {
      // Invalid dates were reported by the parser.
      guard let date = CivilDate(iso8601: version.date.text) else { continue }
      if let previous, date <= previous.date {
        report(
          .invalidParameter(
            "dates of parameter `\(param.name.name)` must increase: \(date) does not come after "
              + "\(previous.date)", at: version.date.span,
            notes: [DiagnosticNote("the previous version starts here", at: previous.span)],
            help: "list versions from the oldest to the newest, each date once"))
      }
      previous = (date, version.date.span)
      let value = coerce(
        check(version.value, expected: type, scope: Scope()), to: type,
        "as a value of parameter `\(param.name.name)`")
      if value.type.containsError { continue }
      guard let constant = Self.constantValue(of: value) else {
        report(
          .invalidParameter(
            "parameter values must be constants", at: version.value.span,
            help: "write a literal such as `500_000 CNY`; compute derived values with `let`"))
        continue
      }
      versions.append(ParameterVersion(date: date, value: constant, span: version.date.span))
    }
    return versions
  }

  /// The value of an expression built only from constants, or `nil`.
  static func constantValue(of expr: TypedExpr) -> Value? {
    switch expr.kind {
    case .constant(let value): return value
    case .wrapOptional(let inner): return constantValue(of: inner)
    case .widen(let inner):
      if case .int(let int)? = constantValue(of: inner) { return .decimal(ExactDecimal(int)) }
      return nil
    case .list(let elements):
      let values = elements.compactMap(constantValue)
      return values.count == elements.count ? .list(values) : nil
    case .set(let elements):
      let values = elements.compactMap(constantValue)
      return values.count == elements.count ? Value.makeSet(values) : nil
    case .record(let type, let fields):
      let values = fields.compactMap(constantValue)
      return values.count == fields.count ? .record(RecordValue(type: type, fields: values)) : nil
    default: return nil
    }
  }

  // MARK: - Functions

  func resolveSignature(_ index: Int) {
    let syntax = functions[index].syntax
    var seen: [String: Span] = [:]
    var parameters: [CheckedFunction.Parameter] = []
    for parameter in syntax.parameters {
      if let first = seen[parameter.name.name] {
        report(
          .duplicateMember("parameter", parameter.name.name, at: parameter.name.span, first: first))
      }
      seen[parameter.name.name] = parameter.name.span
      parameters.append(
        CheckedFunction.Parameter(
          name: parameter.name.name, local: newLocal(), type: resolveType(parameter.type)))
    }
    functions[index].parameters = parameters
    functions[index].resultType = resolveType(syntax.resultType)
  }

  func checkFunctionBody(_ index: Int) {
    guard functions[index].state == .unchecked else { return }
    functions[index].state = .checking
    dependencyStack.append(DependencySink())
    var scope = Scope()
    for parameter in functions[index].parameters {
      scope.locals[parameter.name] = (parameter.local, parameter.type)
    }
    let syntax = functions[index].syntax
    let resultType = functions[index].resultType
    let body = check(syntax.body, expected: resultType, scope: scope)
    functions[index].body = coerce(body, to: resultType, "as the result of `\(syntax.name.name)`")
    functions[index].dependencies = dependencyStack.removeLast()
    functions[index].state = .checked
  }

  // MARK: - Whole-program checks

  /// A node of the dependency graph: declarations first, then functions, then standards.
  private func nodeName(_ node: Int) -> (name: String, span: Span) {
    if node < declarations.count {
      return (declarations[node].name.name, declarations[node].name.span)
    }
    if node < declarations.count + functions.count {
      let function = functions[node - declarations.count].syntax.name
      return (function.name, function.span)
    }
    let standard = standards[node - declarations.count - functions.count].syntax.name
    return (standard.name, standard.span)
  }

  private var nodeCount: Int { declarations.count + functions.count + standards.count }

  private func edges(from node: Int) -> [(target: Int, span: Span)] {
    let sink: DependencySink
    if node < declarations.count {
      sink = declarations[node].dependencies
    } else if node < declarations.count + functions.count {
      sink = functions[node - declarations.count].dependencies
    } else {
      sink = standards[node - declarations.count - functions.count].dependencies
    }
    let declarationEdges = sink.declarations.map { (target: $0.key, span: $0.value) }
    let functionEdges = sink.functions.map { (target: $0.key + declarations.count, span: $0.value) }
    let standardEdges = sink.standards.map {
      (target: $0.key + declarations.count + functions.count, span: $0.value)
    }
    return (declarationEdges + functionEdges + standardEdges).sorted { $0.target < $1.target }
  }

  /// Reports each cycle between declarations and functions once, naming every member.
  func reportCycles() {
    let count = nodeCount
    var color = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
    var stack: [Int] = []
    var reported = Set<Int>()
    func visit(_ node: Int) {
      color[node] = 1
      stack.append(node)
      for edge in edges(from: node) {
        if color[edge.target] == 1 {
          guard let start = stack.firstIndex(of: edge.target) else { continue }
          let members = Array(stack[start...])
          if members.contains(where: reported.contains) { continue }
          reported.formUnion(members)
          var notes: [DiagnosticNote] = []
          for (position, member) in members.enumerated() {
            let next = members[(position + 1) % members.count]
            if let read = edges(from: member).first(where: { $0.target == next }) {
              notes.append(
                DiagnosticNote(
                  "`\(nodeName(member).name)` reads `\(nodeName(next).name)` here", at: read.span))
            }
          }
          let first = nodeName(members[0])
          report(.cycle(members.map { nodeName($0).name }, at: first.span, notes: notes))
        } else if color[edge.target] == 0 {
          visit(edge.target)
        }
      }
      stack.removeLast()
      color[node] = 2
    }
    for node in 0..<count where color[node] == 0 { visit(node) }
  }

  /// Warns about `let`s of the main file that no other declaration reads and that are not
  /// marked `output`.
  func reportUnusedLets() {
    var read = Set<Int>()
    for (index, declaration) in declarations.enumerated() {
      read.formUnion(declaration.dependencies.declarations.keys.filter { $0 != index })
    }
    for function in functions { read.formUnion(function.dependencies.declarations.keys) }
    for standard in standards { read.formUnion(standard.dependencies.declarations.keys) }
    for (index, declaration) in declarations.enumerated() where declaration.isMainFile {
      // A `let` whose type failed to check already has an error; do not pile a warning on it.
      guard case .value(let letDecl) = declaration.syntax.kind, !letDecl.isOutput,
        !read.contains(index), declaration.type?.containsError == false
      else { continue }
      report(.unusedLet(declaration.name.name, at: declaration.name.span))
    }
  }

  /// Declarations in an order where each follows everything it reads (through functions too).
  func evaluationOrder() -> [DeclarationID] {
    var visited = Set<Int>()
    var order: [DeclarationID] = []
    func visit(_ node: Int) {
      guard visited.insert(node).inserted else { return }
      for edge in edges(from: node) { visit(edge.target) }
      if node < declarations.count { order.append(DeclarationID(node)) }
    }
    for node in 0..<nodeCount { visit(node) }
    return order
  }
}
