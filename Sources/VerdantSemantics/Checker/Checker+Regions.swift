import VerdantSyntax
import VerdantValues

extension CheckerSession {
  // MARK: - The hierarchy

  /// Builds the region hierarchy from the one `regions` declaration (in any loaded file).
  func declareRegions() {
    var found: [(RegionsDeclaration, Span)] = []
    for unit in units {
      for declaration in unit.declarations {
        if case .regions(let regions) = declaration.kind { found.append((regions, declaration.span)) }
      }
    }
    guard let (first, firstSpan) = found.first else { return }
    for (_, span) in found.dropFirst() {
      report(
        .duplicateMember(
          "the region hierarchy", "regions", at: Span(file: span.file, start: span.start, end: span.start + 7),
          first: Span(file: firstSpan.file, start: firstSpan.start, end: firstSpan.start + 7)))
    }
    var codes: [String] = []
    var parents: [Int?] = []
    var spans: [String: Span] = [:]
    func add(_ node: RegionsDeclaration.Node, parent: Int?) {
      let code = node.code.name
      if let earlier = spans[code] {
        report(.duplicateMember("region", code, at: node.code.span, first: earlier))
        return
      }
      spans[code] = node.code.span
      let index = codes.count
      codes.append(code)
      parents.append(parent)
      for child in node.children { add(child, parent: index) }
    }
    for root in first.roots { add(root, parent: nil) }
    regions = RegionHierarchy(codes: codes, parents: parents)
  }

  /// Checks an expression that must be a region.
  func checkRegion(_ syntax: Expr, scope: Scope, _ context: String) -> TypedExpr {
    if regions.codes.isEmpty, case .regionCode = syntax.kind {
      report(
        .undeclaredName(syntax.span.text, at: syntax.span, candidates: [String]())
          .withHelp("declare the region hierarchy with `regions { … }`"))
      return errorNode(syntax.span)
    }
    return coerce(check(syntax, expected: .region, scope: scope), to: .region, context)
  }

  // MARK: - Mutual recognition

  /// Builds the equivalence classes of the `equivalent` declarations: codes in one declaration
  /// are equivalent, and equivalence is symmetric and transitive. Within a class each region
  /// may have only one code.
  func checkEquivalences() -> EquivalenceTable {
    var parent: [String: String] = [:]
    func find(_ code: String) -> String {
      var root = code
      while let next = parent[root], next != root { root = next }
      return root
    }
    var members: [(code: String, region: Int, span: Span)] = []
    for unit in units {
      for declaration in unit.declarations {
        guard case .equivalent(let equivalent) = declaration.kind else { continue }
        var codes: [String] = []
        for member in equivalent.members {
          let region = checkRegion(member.region, scope: Scope(), "after `in`")
          guard case .region(let value)? = region.constantValue else { continue }
          members.append((member.code.value, value.index, member.code.span))
          codes.append(member.code.value)
          if parent[member.code.value] == nil { parent[member.code.value] = member.code.value }
        }
        for code in codes.dropFirst() {
          let (a, b) = (find(codes[0]), find(code))
          if a != b { parent[b] = a }
        }
      }
    }
    var classIDs: [String: Int] = [:]
    var classes: [String: Int] = [:]
    var grouped: [[(code: String, region: Int)]] = []
    var byRegion: [[Int: (code: String, span: Span)]] = []
    for member in members {
      let root = find(member.code)
      let id: Int
      if let existing = classIDs[root] {
        id = existing
      } else {
        id = grouped.count
        classIDs[root] = id
        grouped.append([])
        byRegion.append([:])
      }
      classes[member.code] = id
      if let other = byRegion[id][member.region] {
        if other.code != member.code {
          report(
            .conflictingEquivalence(
              member.code, other.code, region: regions.codes[member.region], at: member.span,
              other: other.span))
        }
        continue
      }
      byRegion[id][member.region] = (member.code, member.span)
      grouped[id].append((member.code, member.region))
    }
    return EquivalenceTable(classes: classes, members: grouped)
  }

  // MARK: - Standards

  func resolveStandardSignature(_ index: Int) {
    let syntax = standards[index].syntax
    var seen: [String: Span] = [:]
    standards[index].parameters = syntax.parameters.map { parameter in
      if let first = seen[parameter.name.name] {
        report(.duplicateMember("parameter", parameter.name.name, at: parameter.name.span, first: first))
      }
      seen[parameter.name.name] = parameter.name.span
      return CheckedFunction.Parameter(
        name: parameter.name.name, local: newLocal(), type: resolveType(parameter.type))
    }
    standards[index].resultType = resolveType(syntax.resultType)
  }

  func checkStandardBody(_ index: Int) {
    guard standards[index].state == .unchecked else { return }
    standards[index].state = .checking
    dependencyStack.append(DependencySink())
    let syntax = standards[index].syntax
    var scope = Scope()
    for parameter in standards[index].parameters {
      scope.locals[parameter.name] = (parameter.local, parameter.type)
    }
    let resultType = standards[index].resultType
    var cases: [CheckedStandard.Case] = []
    var declared: [Int: Span] = [:]
    for entry in syntax.cases {
      let region = checkRegion(entry.region, scope: Scope(), "after `in`")
      let body = coerce(
        check(entry.value, expected: resultType, scope: scope), to: resultType,
        "as the value of standard `\(syntax.name.name)`")
      guard case .region(let value)? = region.constantValue else {
        if region.type != .error {
          report(
            .mismatchedType(
              "a standard is declared for a region code such as `CN-ZJ`", at: entry.region.span))
        }
        continue
      }
      if let other = declared[value.index] {
        report(
          .conflictingStandard(
            syntax.name.name, region: value.code, at: entry.region.span, other: other))
        continue
      }
      declared[value.index] = entry.region.span
      cases.append(.init(region: value.index, isDefault: entry.isDefault, body: body, span: entry.span))
    }
    standards[index].cases = cases
    standards[index].dependencies = dependencyStack.removeLast()
    standards[index].state = .checked
  }

  /// `standard(arguments…, in: region)`.
  func checkStandardCall(
    _ index: Int, _ callee: Identifier, _ arguments: [CallArgument], scope: Scope, span: Span
  ) -> TypedExpr {
    noteDependency(onStandard: index, at: callee.span)
    let parameters = standards[index].parameters
    let positional = arguments.filter { $0.label == nil }
    let regionArguments = arguments.filter { $0.label?.name == "in" }
    for argument in arguments where argument.label != nil && argument.label?.name != "in" {
      report(
        .invalidArguments(
          "`\(callee.name)` has no argument label `\(argument.label?.name ?? "")`",
          at: argument.label?.span ?? span, help: "write `\(callee.name)(…, in: REGION)`"))
    }
    guard let regionArgument = regionArguments.first else {
      report(
        .invalidArguments(
          "standard `\(callee.name)` needs the region it applies in", at: span,
          help: "write `\(callee.name)(…, in: REGION)`"))
      return errorNode(span)
    }
    guard positional.count == parameters.count else {
      return wrongCount(callee.name, parameters.count, positional, span: span)
    }
    let values = zip(positional, parameters).map { argument, parameter in
      coerce(
        check(argument.value, expected: parameter.type, scope: scope), to: parameter.type,
        "as argument `\(parameter.name)` of `\(callee.name)`")
    }
    let region = coerce(
      check(regionArgument.value, expected: .region, scope: scope), to: .region,
      "as the region of `\(callee.name)`")
    return TypedExpr(
      .standardCall(StandardID(index), values, region: region), type: standards[index].resultType,
      span: span)
  }
}

extension Diagnostic {
  /// The same diagnostic with another help line.
  func withHelp(_ help: String) -> Diagnostic {
    Diagnostic(severity, code, message, at: span, label: label, notes: notes, help: help)
  }
}
