import VerdantSemantics
import VerdantSyntax
import VerdantValues

extension Compiler {
  /// Compiles a typed expression into a closure in its natural representation.
  func compile(_ expr: TypedExpr) -> CompiledExpr {
    if explaining, recordsReads, let root = Self.pathRoot(of: expr) {
      return recordingRead(expr, root: root)
    }
    return compileNode(expr)
  }

  /// The declaration a path (`supplier.revenue`, `green_score.total`) starts from.
  static func pathRoot(of expr: TypedExpr) -> DeclarationID? {
    switch expr.kind {
    case .declaration(let id): return id
    case .field(let base, _), .optionalField(let base, _), .unwrap(let base): return pathRoot(of: base)
    default: return nil
    }
  }

  /// In the explaining variant, a path read records its value under the path as written.
  private func recordingRead(_ expr: TypedExpr, root: DeclarationID) -> CompiledExpr {
    recordsReads = false
    let inner = value(compileNode(expr), expr.type)
    recordsReads = true
    let name = expr.span.text
    let isParameter: Bool
    if case .parameter = ruleset.declarations[root.index].kind { isParameter = true } else {
      isParameter = false
    }
    let index = root.index
    return unboxed(
      { frame in
        let value = try inner(&frame)
        if let recorder = frame.recorder {
          recorder.read(name, value)
          if isParameter { recorder.useParameter(index) }
        }
        return value
      }, expr.type, site(expr.span))
  }

  /// Compiles one node (without the explaining wrapper of paths).
  private func compileNode(_ expr: TypedExpr) -> CompiledExpr {
    let site = self.site(expr.span)
    let type = expr.type
    switch expr.kind {
    case .constant(let value):
      return constant(value, type)
    case .declaration(let id):
      return unboxed(reader(for: id), type, site)
    case .local(let id):
      let index = id.index
      return unboxed({ frame in frame.locals[index] }, type, site)
    case .field(let base, let index):
      if case .declaration(let id) = base.kind, case .input = ruleset.declarations[id.index].kind {
        // Inputs are stored before evaluation starts: read the field straight from the slot,
        // without the memoising reader in between.
        let slot = id.index
        return unboxed(
          { frame in
            guard case .record(let recordValue) = frame.slots[slot] else {
              throw site.unexpected(frame.slots[slot], expected: "a record")
            }
            return recordValue.fields[index]
          }, type, site)
      }
      let record = value(compile(base), base.type)
      return unboxed(
        { frame in
          let value = try record(&frame)
          guard case .record(let recordValue) = value else {
            throw site.unexpected(value, expected: "a record")
          }
          return recordValue.fields[index]
        }, type, site)
    case .optionalField(let base, let index):
      let record = value(compile(base), base.type)
      return .value { frame in
        switch try record(&frame) {
        case .absent: return .absent
        case .record(let recordValue): return recordValue.fields[index]
        case let value: throw site.unexpected(value, expected: "a record")
        }
      }
    case .unwrap(let inner):
      let optional = value(compile(inner), inner.type)
      return unboxed(
        { frame in
          let value = try optional(&frame)
          if case .absent = value {
            throw site.error(.internalError, "internal error: `\(expr.span.text)` is absent")
          }
          return value
        }, type, site)
    case .wrapOptional(let inner):
      return .value(value(compile(inner), inner.type))
    case .widen(let inner):
      let integer = int(compile(inner))
      return .decimal { frame in ExactDecimal(try integer(&frame)) }
    case .requireCurrency(let inner, let currency):
      let amount = money(compile(inner))
      return .money { frame in
        let result = try amount(&frame)
        guard result.currency == currency else {
          throw site.error(
            .currencyMismatch,
            "expected an amount in \(currency.code), found \(result.amount) \(result.currency.code)"
          )
        }
        return result
      }
    case .call(let id, let arguments):
      return compileCall(id, arguments, type: type, site: site)
    case .builtin(let builtin, let arguments):
      return compileBuiltin(builtin, arguments, type: type, site: site)
    case .unary(let operation, let operand):
      return compileUnary(operation, operand, site: site)
    case .binary(let operation, let lhs, let rhs):
      return compileBinary(operation, lhs, rhs, type: type, site: site)
    case .and(let a, let b):
      let (left, right) = (bool(compile(a)), bool(compile(b)))
      return .bool { frame in try left(&frame) ? try right(&frame) : false }
    case .or(let a, let b):
      let (left, right) = (bool(compile(a)), bool(compile(b)))
      return .bool { frame in try left(&frame) ? true : try right(&frame) }
    case .not(let inner):
      let operand = bool(compile(inner))
      return .bool { frame in try !operand(&frame) }
    case .conditional(let condition, let then, let otherwise):
      return compileConditional(condition, then, otherwise, type: type, site: site)
    case .coalesce(let optional, let fallback):
      let primary = value(compile(optional), optional.type)
      let secondary = value(compile(fallback), fallback.type)
      return unboxed(
        { frame in
          let value = try primary(&frame)
          if case .absent = value { return try secondary(&frame) }
          return value
        }, type, site)
    case .isPresent(let inner):
      let operand = value(compile(inner), inner.type)
      return .bool { frame in
        if case .absent = try operand(&frame) { return false }
        return true
      }
    case .quantifier(let quantifier, let local, let collection, let body):
      let elements = self.elements(compile(collection), collection.type, site)
      let predicate = bool(compile(body))
      let slot = local.index
      let wantAny = quantifier == .any
      return .bool { frame in
        for element in try elements(&frame) {
          frame.locals[slot] = element
          if try predicate(&frame) == wantAny { return wantAny }
        }
        return !wantAny
      }
    case .filter(let local, let collection, let body):
      let elements = self.elements(compile(collection), collection.type, site)
      let predicate = bool(compile(body))
      let slot = local.index
      let isSet = { if case .set = type { return true } else { return false } }()
      return .value { frame in
        var kept: [Value] = []
        for element in try elements(&frame) {
          frame.locals[slot] = element
          if try predicate(&frame) { kept.append(element) }
        }
        return isSet ? .set(kept) : .list(kept)
      }
    case .map(let local, let collection, let body):
      let elements = self.elements(compile(collection), collection.type, site)
      let transform = value(compile(body), body.type)
      let slot = local.index
      let isSet = { if case .set = type { return true } else { return false } }()
      return .value { frame in
        var mapped: [Value] = []
        for element in try elements(&frame) {
          frame.locals[slot] = element
          mapped.append(try transform(&frame))
        }
        return isSet ? Value.makeSet(mapped) : .list(mapped)
      }
    case .countWhere(let local, let collection, let body):
      let elements = self.elements(compile(collection), collection.type, site)
      let predicate = bool(compile(body))
      let slot = local.index
      return .int { frame in
        var count: Int64 = 0
        for element in try elements(&frame) {
          frame.locals[slot] = element
          if try predicate(&frame) { count += 1 }
        }
        return count
      }
    case .list(let elements):
      let parts = elements.map { ValueStep(run: value(compile($0), $0.type)) }
      return .value { frame in
        var values: [Value] = []
        values.reserveCapacity(parts.count)
        for part in parts { values.append(try part.run(&frame)) }
        return .list(values)
      }
    case .set(let elements):
      let parts = elements.map { ValueStep(run: value(compile($0), $0.type)) }
      return .value { frame in
        var values: [Value] = []
        values.reserveCapacity(parts.count)
        for part in parts { values.append(try part.run(&frame)) }
        return Value.makeSet(values)
      }
    case .catalogLookup(let id, let key):
      return compileCatalogLookup(id, key, type: type, site: site)
    case .requireRow(let lookup):
      return unboxed(value(compileRequiredRow(lookup, type: type, site: site), type), type, site)
    case .catalogRows(let id):
      return compileCatalogRows(id, site: site)
    case .standardCall(let id, let arguments, let region):
      return compileStandardCall(id, arguments, region: region, type: type, site: site)
    case .record(let recordType, let fields):
      let parts = fields.map { ValueStep(run: value(compile($0), $0.type)) }
      return .value { frame in
        var values: [Value] = []
        values.reserveCapacity(parts.count)
        for part in parts { values.append(try part.run(&frame)) }
        return .record(RecordValue(type: recordType, fields: values))
      }
    }
  }

  /// A constant in its natural representation.
  func constant(_ value: Value, _ type: ValueType) -> CompiledExpr {
    switch value {
    case .bool(let result): return .bool { _ in result }
    case .int(let result): return .int { _ in result }
    case .decimal(let result), .percent(let result): return .decimal { _ in result }
    case .money(let result): return .money { _ in result }
    case .date(let result): return .date { _ in result }
    case .text(let result) where CompiledExpr.representation(of: type) == .text:
      return .text { _ in result }
    default: return .value { _ in value }
    }
  }

  /// The elements of a compiled list or set.
  func elements(_ compiled: CompiledExpr, _ type: ValueType, _ site: Site) -> Thunk<[Value]> {
    let collection = value(compiled, type)
    return { frame in
      switch try collection(&frame) {
      case .list(let elements), .set(let elements): return elements
      case let value: throw site.unexpected(value, expected: "a list or set")
      }
    }
  }

  func compileConditional(
    _ condition: TypedExpr, _ then: TypedExpr, _ otherwise: TypedExpr, type: ValueType, site: Site
  ) -> CompiledExpr {
    let test = bool(compile(condition))
    switch (compile(then), compile(otherwise)) {
    case (.bool(let a), .bool(let b)):
      return .bool { frame in try test(&frame) ? try a(&frame) : try b(&frame) }
    case (.int(let a), .int(let b)):
      return .int { frame in try test(&frame) ? try a(&frame) : try b(&frame) }
    case (.decimal(let a), .decimal(let b)):
      return .decimal { frame in try test(&frame) ? try a(&frame) : try b(&frame) }
    case (.money(let a), .money(let b)):
      return .money { frame in try test(&frame) ? try a(&frame) : try b(&frame) }
    case (let a, let b):
      let (left, right) = (value(a, then.type), value(b, otherwise.type))
      return unboxed(
        { frame in try test(&frame) ? try left(&frame) : try right(&frame) }, type, site)
    }
  }

  func compileCall(_ id: FunctionID, _ arguments: [TypedExpr], type: ValueType, site: Site)
    -> CompiledExpr
  {
    let function = ruleset.functions[id.index]
    let body = functionBody(id)
    let slots = function.parameters.map(\.local.index)
    let values = arguments.map { ValueStep(run: value(compile($0), $0.type)) }
    let thunk: Thunk<Value> = { frame in
      // Arguments are evaluated before any parameter slot is written: an argument may call the
      // same function (`f(f(1))`), and functions are never recursive, so this is enough.
      var evaluated: [Value] = []
      evaluated.reserveCapacity(values.count)
      for argument in values { evaluated.append(try argument.run(&frame)) }
      for (slot, argument) in zip(slots, evaluated) { frame.locals[slot] = argument }
      return try body(&frame)
    }
    return unboxed(thunk, type, site)
  }
}
