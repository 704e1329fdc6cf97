import VerdantSemantics
import VerdantSyntax
import VerdantValues

/// Lowers a checked ruleset to closures over slot-indexed frames.
///
/// Each typed node becomes one closure that captures its children, its resolved operation and
/// its source span. Declarations and functions are compiled once, on first use, in dependency
/// order (the checker has ruled out cycles), so every closure can capture the closures it calls.
final class Compiler {
  let ruleset: CheckedRuleset
  /// The loaded catalog tables, indexed by catalog (`nil` where one was not supplied).
  let tables: [CatalogTable?]
  /// Memoising readers of each declaration, compiled on first use.
  private var readers: [ValueStep?]
  /// Function bodies, compiled on first use.
  private var functionBodies: [ValueStep?]
  /// The declaration or function whose body is being compiled, for error messages.
  var currentDeclaration = ""
  /// Whether to emit the explaining variant, whose closures record what they decide and read.
  let explaining: Bool
  /// While compiling the inside of a recorded path (`green_score` in `green_score.total`), the
  /// inner reads are not recorded separately.
  var recordsReads = true

  init(ruleset: CheckedRuleset, tables: [CatalogTable?] = [], explaining: Bool = false) {
    self.ruleset = ruleset
    self.tables = tables
    self.explaining = explaining
    readers = Array(repeating: nil, count: ruleset.declarations.count)
    functionBodies = Array(repeating: nil, count: ruleset.functions.count)
  }

  /// Compiles every declaration and returns the readers, indexed by declaration.
  func compileAll() -> [ValueStep] {
    for declaration in ruleset.declarations { _ = reader(for: declaration.id) }
    return readers.map { $0 ?? ValueStep(run: { _ in .absent }) }
  }

  func site(_ span: Span) -> Site { Site(span: span, declaration: currentDeclaration) }

  // MARK: - Declarations

  /// The memoising reader of a declaration: computes the value on first read in a frame.
  func reader(for id: DeclarationID) -> Thunk<Value> {
    if let existing = readers[id.index] { return existing.run }
    let declaration = ruleset.declarations[id.index]
    let saved = (currentDeclaration, recordsReads)
    (currentDeclaration, recordsReads) = (declaration.name, true)
    defer { (currentDeclaration, recordsReads) = saved }
    let compute = compileBody(of: declaration)
    let index = id.index
    let reader: Thunk<Value>
    if explaining {
      reader = { frame in
        if frame.isReady(index) { return frame.slots[index] }
        frame.recorder?.begin(index)
        let value: Value
        do {
          value = try compute(&frame)
        } catch {
          frame.recorder?.abandon()
          throw error
        }
        frame.recorder?.end(declaration, value: value)
        frame.store(value, at: index)
        return value
      }
    } else {
      reader = { frame in
        if frame.isReady(index) { return frame.slots[index] }
        let value = try compute(&frame)
        frame.store(value, at: index)
        return value
      }
    }
    readers[index] = ValueStep(run: reader)
    return reader
  }

  private func compileBody(of declaration: CheckedDeclaration) -> Thunk<Value> {
    switch declaration.kind {
    case .input:
      // Inputs are stored in their slots before evaluation starts.
      let index = declaration.id.index
      return { frame in frame.slots[index] }
    case .value(let expr):
      return boxed(compile(expr), expr.type)
    case .parameter(let versions):
      return compileParameter(declaration, versions)
    case .rule(let rule):
      return compileRule(declaration, rule)
    case .scorecard(let scorecard):
      return compileScorecard(declaration, scorecard)
    case .table(let table):
      return compileTable(declaration, table)
    }
  }

  private func compileParameter(_ declaration: CheckedDeclaration, _ versions: [ParameterVersion])
    -> Thunk<Value>
  {
    let dates = versions.map(\.date)
    let values = versions.map(\.value)
    let site = self.site(declaration.nameSpan)
    let name = declaration.name
    let index = declaration.id.index
    let explaining = self.explaining
    return { frame in
      // The last version whose date is on or before the as-of date.
      var low = 0
      var high = dates.count
      while low < high {
        let mid = (low + high) / 2
        if dates[mid] <= frame.asOf { low = mid + 1 } else { high = mid }
      }
      guard low > 0 else {
        throw site.error(
          .parameterNotInEffect,
          "parameter `\(name)` has no value on \(frame.asOf): its first version starts on "
            + (dates.first.map(\.description) ?? "no date"),
          help: "evaluate as of \(dates.first.map(\.description) ?? "a later date") or later, or "
            + "add an earlier version")
      }
      if explaining, let recorder = frame.recorder {
        let use = ParameterUse(name: name, version: dates[low - 1], value: values[low - 1])
        recorder.recordParameter(index, use)
        recorder.decide(.parameter(version: dates[low - 1]))
      }
      return values[low - 1]
    }
  }

  private func compileRule(_ declaration: CheckedDeclaration, _ rule: CheckedRule) -> Thunk<Value>
  {
    let branches = rule.branches.map { branch in
      CompiledBranch(
        condition: branch.condition.map { ConditionStep(run: bool(compile($0))) },
        value: ValueStep(run: boxed(compile(branch.value), branch.value.type)))
    }
    let site = self.site(declaration.nameSpan)
    let name = declaration.name
    let noMatch = site.error(.internalError, "internal error: no branch of rule `\(name)` matched")
    guard explaining else {
      return { frame in
        for branch in branches {
          if let condition = branch.condition, try !condition.run(&frame) { continue }
          return try branch.value.run(&frame)
        }
        // The checker proved the branches complete; report rather than crash if not.
        throw noMatch
      }
    }
    let details = rule.branches.map { branch in
      (condition: branch.condition?.span.text, line: branch.span.location.line, reason: branch.reason)
    }
    let index = declaration.id.index
    return { frame in
      for (number, branch) in branches.enumerated() {
        frame.recorder?.clearReads()
        if let condition = branch.condition, try !condition.run(&frame) { continue }
        let value = try branch.value.run(&frame)
        if let recorder = frame.recorder {
          let detail = details[number]
          recorder.decide(
            .branch(number: number + 1, condition: detail.condition, line: detail.line),
            reasons: detail.reason.map { [$0] } ?? [])
          recorder.cover(CoveragePoint(declaration: index, part: number))
        }
        return value
      }
      throw noMatch
    }
  }

  /// A compiled rule branch.
  private struct CompiledBranch {
    let condition: ConditionStep?
    let value: ValueStep
  }

  // MARK: - Functions

  /// The compiled body of a user function.
  func functionBody(_ id: FunctionID) -> Thunk<Value> {
    if let existing = functionBodies[id.index] { return existing.run }
    let function = ruleset.functions[id.index]
    let saved = (currentDeclaration, recordsReads)
    (currentDeclaration, recordsReads) = (function.name, true)
    defer { (currentDeclaration, recordsReads) = saved }
    let body = boxed(compile(function.body), function.body.type)
    functionBodies[id.index] = ValueStep(run: body)
    return body
  }

  // MARK: - Representations

  /// A closure producing the boxed value.
  func boxed(_ compiled: CompiledExpr, _ type: ValueType) -> Thunk<Value> {
    switch compiled {
    case .bool(let thunk): return { .bool(try thunk(&$0)) }
    case .int(let thunk): return { .int(try thunk(&$0)) }
    case .decimal(let thunk):
      if type == .percent { return { .percent(try thunk(&$0)) } }
      return { .decimal(try thunk(&$0)) }
    case .money(let thunk): return { .money(try thunk(&$0)) }
    case .date(let thunk): return { .date(try thunk(&$0)) }
    case .text(let thunk): return { .text(try thunk(&$0)) }
    case .value(let thunk): return thunk
    }
  }

  /// The natural representation of a boxed closure for a static type.
  func unboxed(_ thunk: @escaping Thunk<Value>, _ type: ValueType, _ site: Site) -> CompiledExpr {
    switch CompiledExpr.representation(of: type) {
    case .bool:
      return .bool { frame in
        let value = try thunk(&frame)
        guard case .bool(let result) = value else { throw site.unexpected(value, expected: "Bool") }
        return result
      }
    case .int:
      return .int { frame in
        let value = try thunk(&frame)
        guard case .int(let result) = value else { throw site.unexpected(value, expected: "Int") }
        return result
      }
    case .decimal:
      return .decimal { frame in
        switch try thunk(&frame) {
        case .decimal(let result), .percent(let result): return result
        case let value: throw site.unexpected(value, expected: "a decimal")
        }
      }
    case .money:
      return .money { frame in
        let value = try thunk(&frame)
        guard case .money(let result) = value else {
          throw site.unexpected(value, expected: "Money")
        }
        return result
      }
    case .date:
      return .date { frame in
        let value = try thunk(&frame)
        guard case .date(let result) = value else { throw site.unexpected(value, expected: "Date") }
        return result
      }
    case .text:
      return .text { frame in
        let value = try thunk(&frame)
        guard case .text(let result) = value else { throw site.unexpected(value, expected: "Text") }
        return result
      }
    case .value:
      return .value(thunk)
    }
  }

  // Typed views of a compiled expression. The checker guarantees the static types, so a
  // mismatch can only come from a compiler bug; it becomes an internal evaluation error.

  func bool(_ compiled: CompiledExpr) -> Thunk<Bool> {
    if case .bool(let thunk) = compiled { return thunk }
    return mismatch(compiled, .bool) { if case .bool(let t) = $0 { return t } else { return nil } }
  }

  func int(_ compiled: CompiledExpr) -> Thunk<Int64> {
    if case .int(let thunk) = compiled { return thunk }
    return mismatch(compiled, .int) { if case .int(let t) = $0 { return t } else { return nil } }
  }

  func decimal(_ compiled: CompiledExpr) -> Thunk<ExactDecimal> {
    if case .decimal(let thunk) = compiled { return thunk }
    return mismatch(compiled, .decimal) {
      if case .decimal(let t) = $0 { return t } else { return nil }
    }
  }

  func money(_ compiled: CompiledExpr) -> Thunk<Money> {
    if case .money(let thunk) = compiled { return thunk }
    return mismatch(compiled, .money(nil)) {
      if case .money(let t) = $0 { return t } else { return nil }
    }
  }

  func date(_ compiled: CompiledExpr) -> Thunk<CivilDate> {
    if case .date(let thunk) = compiled { return thunk }
    return mismatch(compiled, .date) { if case .date(let t) = $0 { return t } else { return nil } }
  }

  func text(_ compiled: CompiledExpr) -> Thunk<String> {
    if case .text(let thunk) = compiled { return thunk }
    return mismatch(compiled, .text) { if case .text(let t) = $0 { return t } else { return nil } }
  }

  func value(_ compiled: CompiledExpr, _ type: ValueType) -> Thunk<Value> {
    boxed(compiled, type)
  }

  /// Re-reads a compiled expression in another representation through its boxed form.
  private func mismatch<T>(
    _ compiled: CompiledExpr, _ type: ValueType, _ extract: (CompiledExpr) -> Thunk<T>?
  ) -> Thunk<T> {
    let boxedThunk = boxed(compiled, type)
    let site = Site(span: ruleset.sources[0].wholeSpan, declaration: currentDeclaration)
    if let thunk = extract(unboxed(boxedThunk, type, site)) { return thunk }
    return { _ in throw site.error(.internalError, "internal error: representation mismatch") }
  }
}

extension SourceFile {
  /// A span covering the start of the file, for errors with no better location.
  var wholeSpan: Span { Span(file: self, start: 0, end: 0) }
}
