import VerdantSemantics
import VerdantSyntax
import VerdantValues

extension DiagnosticCode {
  /// A required catalog row is missing.
  public static let catalogRowMissing = DiagnosticCode(rawValue: "V4011")
  /// A catalog the ruleset declares was not loaded.
  public static let catalogNotLoaded = DiagnosticCode(rawValue: "V4012")
  /// A standard has no declaration for the region asked for.
  public static let standardNotDeclared = DiagnosticCode(rawValue: "V4013")
}

extension Compiler {
  // MARK: - Catalogs

  /// The table of a catalog, or a closure that reports it was not loaded.
  private func table(_ id: CatalogID, _ site: Site) -> Result<CatalogTable, EvaluationError> {
    let catalog = ruleset.catalogs[id.index]
    guard id.index < tables.count, let table = tables[id.index] else {
      return .failure(
        site.error(
          .catalogNotLoaded, "catalog `\(catalog.name)` was not loaded",
          help: "compile the ruleset with its catalogs (Ruleset.compile loads them from "
            + "`\(catalog.xmlPath)`)"))
    }
    return .success(table)
  }

  func compileCatalogLookup(_ id: CatalogID, _ key: TypedExpr, type: ValueType, site: Site)
    -> CompiledExpr
  {
    let keyValue = value(compile(key), key.type)
    switch table(id, site) {
    case .failure(let error):
      return .value { _ in throw error }
    case .success(let table):
      if table.allowsDuplicateKeys {
        return .value { frame in .list(table.rows(forKey: try keyValue(&frame)).map(Value.record)) }
      }
      return .value { frame in table.row(forKey: try keyValue(&frame)).map(Value.record) ?? .absent }
    }
  }

  func compileRequiredRow(_ lookup: TypedExpr, type: ValueType, site: Site) -> CompiledExpr {
    guard case .catalogLookup(let id, let key) = lookup.kind else {
      return .value { _ in throw site.error(.internalError, "internal error: not a catalog lookup") }
    }
    let keyValue = value(compile(key), key.type)
    switch table(id, site) {
    case .failure(let error):
      return .value { _ in throw error }
    case .success(let table):
      let name = table.name
      let source = table.source
      return .value { frame in
        let key = try keyValue(&frame)
        guard let row = table.row(forKey: key) else {
          throw site.error(
            .catalogRowMissing, "no row with key \(key) in catalog `\(name)` (\(source))",
            help: "test `\(lookup.span.text) is present` first, or read fields with `?.`")
        }
        return .record(row)
      }
    }
  }

  func compileCatalogRows(_ id: CatalogID, site: Site) -> CompiledExpr {
    switch table(id, site) {
    case .failure(let error):
      return .value { _ in throw error }
    case .success(let table):
      let rows = Value.list(table.rows.map(Value.record))
      return .value { _ in rows }
    }
  }

  // MARK: - Standards

  /// A standard call: the arguments are bound to the standard's parameters, then the most
  /// specific declaration on the region's path to the root is evaluated; when its catalog has
  /// no row, the next declaration up the path is tried, and the explanation records it.
  func compileStandardCall(
    _ id: StandardID, _ arguments: [TypedExpr], region: TypedExpr, type: ValueType, site: Site
  ) -> CompiledExpr {
    let standard = ruleset.standards[id.index]
    let hierarchy = ruleset.regions
    let saved = (currentDeclaration, recordsReads)
    (currentDeclaration, recordsReads) = ("standard \(standard.name)", true)
    let bodies = standard.cases.map { ValueStep(run: value(compile($0.body), $0.body.type)) }
    (currentDeclaration, recordsReads) = saved
    let chains = hierarchy.codes.indices.map { standard.applicableCases(for: $0, in: hierarchy) }
    let slots = standard.parameters.map(\.local.index)
    let values = arguments.map { ValueStep(run: value(compile($0), $0.type)) }
    let regionValue = value(compile(region), region.type)
    let name = standard.name
    let declared = standard.cases.map { hierarchy.codes[$0.region] }
    let caseRegions = standard.cases.map { hierarchy.codes[$0.region] }
    let explaining = self.explaining
    let thunk: Thunk<Value> = { frame in
      var evaluated: [Value] = []
      evaluated.reserveCapacity(values.count)
      for argument in values { evaluated.append(try argument.run(&frame)) }
      guard case .region(let target) = try regionValue(&frame) else {
        throw site.error(.internalError, "internal error: expected a region")
      }
      for (slot, argument) in zip(slots, evaluated) { frame.locals[slot] = argument }
      let chain = target.index < chains.count ? chains[target.index] : []
      guard !chain.isEmpty else {
        throw site.error(
          .standardNotDeclared,
          "standard `\(name)` has no declaration for region \(target.code) or any region above it "
            + "(declared for \(declared.joined(separator: ", ")))",
          help: "add `default in …` for a region that contains \(target.code)")
      }
      var fallbacks: [String] = []
      for (position, caseIndex) in chain.enumerated() {
        do {
          let result = try bodies[caseIndex].run(&frame)
          if explaining, let recorder = frame.recorder {
            recorder.useStandard(
              StandardUse(
                name: name, region: target.code, appliedIn: caseRegions[caseIndex],
                fallbacks: fallbacks, value: result))
          }
          return result
        } catch let error as EvaluationError
          where error.code == .catalogRowMissing && position < chain.count - 1
        {
          fallbacks.append("\(caseRegions[caseIndex]): \(error.message)")
        }
      }
      throw site.error(.internalError, "internal error: standard `\(name)` produced no value")
    }
    return unboxed(thunk, type, site)
  }

  // MARK: - Region built-ins

  func compileParent(_ region: TypedExpr, site: Site) -> CompiledExpr {
    let regionValue = value(compile(region), region.type)
    return .value { frame in
      guard case .region(let value) = try regionValue(&frame) else {
        throw site.error(.internalError, "internal error: expected a region")
      }
      return value.parent.map(Value.region) ?? .absent
    }
  }

  /// `recognized(code, in: region)`: some code of the code's equivalence class is declared
  /// for the region or a region above it.
  func compileRecognized(_ code: TypedExpr, _ region: TypedExpr, site: Site) -> CompiledExpr {
    let codeText = text(compile(code))
    let regionValue = value(compile(region), region.type)
    let equivalence = ruleset.equivalence
    return .bool { frame in
      let text = try codeText(&frame)
      guard case .region(let target) = try regionValue(&frame) else {
        throw site.error(.internalError, "internal error: expected a region")
      }
      guard let group = equivalence.classes[text] else { return false }
      return equivalence.members[group].contains { target.hierarchy.isWithin(target.index, $0.region) }
    }
  }
}
