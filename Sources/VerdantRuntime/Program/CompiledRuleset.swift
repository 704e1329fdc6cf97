import VerdantSemantics
import VerdantSyntax
import VerdantValues

/// A ruleset compiled for evaluation: immutable, `Sendable`, and safe to evaluate from many
/// threads at once.
///
/// Compile once, evaluate many times. Every evaluation gets its own frame; the compiled
/// closures are shared and never mutated.
public final class CompiledRuleset: Sendable {
  /// The checked program the ruleset was compiled from.
  public let checked: CheckedRuleset
  /// Memoising readers, one per declaration.
  let readers: [ValueStep]
  /// The explaining variant of the readers: the same computation, recording what decided each
  /// value. Kept apart so evaluations without explanations pay nothing for them.
  let explainingReaders: [ValueStep]
  /// The ruleset's tests, compiled against the explaining readers (for coverage).
  let tests: [CompiledTest]
  /// The catalog tables, by catalog.
  public let catalogTables: [CatalogTable?]
  private let inputSlots: [(name: String, slot: Int, type: RecordType)]

  /// Compiles a checked ruleset.
  /// - Parameters:
  ///   - checked: The checked ruleset.
  ///   - catalogs: The tables of its catalogs by name (see `Ruleset.compile`, which loads them
  ///     from XML or snapshots). A catalog without a table makes its lookups evaluation errors.
  ///   - additionalWarnings: Warnings found while loading the catalogs.
  public init(
    _ checked: CheckedRuleset, catalogs: [String: CatalogTable] = [:],
    additionalWarnings: [Diagnostic] = []
  ) {
    self.checked = checked
    self.warnings = checked.warnings + additionalWarnings
    let tables = checked.catalogs.map { catalogs[$0.name] }
    self.catalogTables = tables
    readers = Compiler(ruleset: checked, tables: tables).compileAll()
    let explainingCompiler = Compiler(ruleset: checked, tables: tables, explaining: true)
    explainingReaders = explainingCompiler.compileAll()
    tests = checked.tests.map { explainingCompiler.compileTest($0) }
    inputSlots = checked.declarations.compactMap { declaration in
      guard case .input(let type) = declaration.kind else { return nil }
      return (declaration.name, declaration.id.index, type)
    }
  }

  /// A copy with freshly compiled closures over the same checked program and catalog tables.
  ///
  /// Threads that evaluate one ruleset share its closure contexts, and the atomic reference
  /// counting on them makes the threads contend for the same cache lines; a batch gives each
  /// worker its own replica instead (compiling costs well under a millisecond).
  func replica() -> CompiledRuleset {
    var tables: [String: CatalogTable] = [:]
    for (catalog, table) in zip(checked.catalogs, catalogTables) { tables[catalog.name] = table }
    return CompiledRuleset(checked, catalogs: tables, additionalWarnings: [])
  }

  /// The ruleset's name.
  public var name: String { checked.name }
  /// The ruleset's version, if declared.
  public var version: String? { checked.version }
  /// The content hash of its sources.
  public var hash: String { checked.contentHash }
  /// Warnings from checking and from loading catalogs.
  public let warnings: [Diagnostic]

  /// The inputs in declaration order: name, frame slot and record type (for batch decoders).
  var inputSlotsForBatch: [(name: String, slot: Int, type: RecordType)] { inputSlots }

  /// The record type of an input or `record` declaration, for building inputs in Swift.
  public func recordType(named name: String) -> RecordType? {
    checked.records.first { $0.name == name }
  }

  // MARK: - Outputs

  /// Resolves output names to declarations; `nil` selects the default outputs.
  /// - Parameter names: Names of `let`s, `rule`s or `param`s, or `nil` for every `let` and
  ///   `rule` of the main file.
  /// - Throws: ``OutputSelectionError`` naming unknown outputs with suggestions.
  public func outputs(named names: [String]?) throws(OutputSelectionError) -> OutputSelection {
    guard let names else { return OutputSelection(ids: checked.defaultOutputs) }
    var ids: [DeclarationID] = []
    var unknown: [String] = []
    for name in names {
      guard let declaration = checked.declaration(named: name) else {
        unknown.append(name)
        continue
      }
      if !ids.contains(declaration.id) { ids.append(declaration.id) }
    }
    guard unknown.isEmpty else {
      let candidates = checked.declarations.map(\.name)
      throw OutputSelectionError(
        unknown: unknown.map { ($0, NameSuggestion.closest(to: $0, among: candidates)) })
    }
    return OutputSelection(ids: ids)
  }

  // MARK: - Inputs

  /// Binds inputs from a JSON document that maps each input name to its object.
  /// - Parameter json: The document's bytes, e.g. `{"supplier": {…}}`.
  /// - Throws: ``InputError`` listing every problem with its JSON path.
  public func inputs(json: some Collection<UInt8>) throws(InputError) -> InputValues {
    let document: JSONValue
    do {
      document = try JSONParser.parse(json)
    } catch {
      throw InputError(issues: [InputIssue(path: "$", message: "invalid JSON: \(error)")])
    }
    return try inputs(document: document)
  }

  /// Binds inputs from a parsed JSON document.
  /// - Throws: ``InputError`` listing every problem with its JSON path.
  public func inputs(document: JSONValue, allowsUnknownFields: Bool = false) throws(InputError)
    -> InputValues
  {
    guard case .object(let object) = document else {
      throw InputError(
        issues: [
          InputIssue(
            path: "$",
            message: "expected an object mapping each input name to its value, e.g. "
              + "{\"\(inputSlots.first?.name ?? "supplier")\": {…}}")
        ])
    }
    let decoder = ValueDecoder(regions: checked.regions, allowsUnknownFields: allowsUnknownFields)
    return try bind(given: object.keys) { input, path, issues in
      guard let json = object[input.name] else { return nil }
      guard case .object(let fields) = json else {
        issues.append(
          InputIssue(path: path, message: "expected an object for input `\(input.name)`"))
        return .absent
      }
      return decoder.decodeRecord(fields, as: input.type, at: path, issues: &issues)
    }
  }

  /// Binds inputs given as Swift values: each input name maps to a record value (build one with
  /// ``recordType(named:)`` and `RecordValue(type:values:)`).
  /// - Throws: ``InputError`` listing every problem with its path.
  public func inputs(_ values: [String: Value]) throws(InputError) -> InputValues {
    let validator = ValueValidator(regions: checked.regions)
    return try bind(given: values.keys.sorted()) { input, path, issues in
      values[input.name].map {
        validator.validate($0, as: .record(input.type), at: path, issues: &issues)
      }
    }
  }

  /// Binds every declared input with `value` (which returns `nil` for a missing input), and
  /// reports missing and unknown inputs alongside the value problems.
  private func bind(
    given names: [String],
    value: (_ input: (name: String, slot: Int, type: RecordType), _ path: String,
      _ issues: inout [InputIssue]) -> Value?
  ) throws(InputError) -> InputValues {
    var issues: [InputIssue] = []
    var slots: [(slot: Int, value: Value)] = []
    for input in inputSlots {
      let path = ValueDecoder.path("$", appending: input.name)
      guard let bound = value(input, path, &issues) else {
        issues.append(InputIssue(path: path, message: "missing input `\(input.name)`"))
        continue
      }
      slots.append((input.slot, bound))
    }
    for name in names where !inputSlots.contains(where: { $0.name == name }) {
      var message = "unknown input `\(name)`"
      if let suggestion = NameSuggestion.closest(to: name, among: inputSlots.map(\.name)) {
        message += "; did you mean `\(suggestion)`?"
      }
      issues.append(InputIssue(path: ValueDecoder.path("$", appending: name), message: message))
    }
    guard issues.isEmpty else { throw InputError(issues: issues) }
    return InputValues(slots: slots)
  }

  /// Binds inputs from any `Encodable` value whose encoded form maps input names to objects,
  /// e.g. a struct with a `supplier` property.
  /// - Throws: ``InputError`` listing every problem with its path.
  public func inputs(encoding value: some Encodable) throws(InputError) -> InputValues {
    let document: JSONValue
    do {
      document = try JSONValueEncoder().encode(value)
    } catch {
      throw InputError(issues: [InputIssue(path: "$", message: "cannot encode the input: \(error)")]
      )
    }
    return try inputs(document: document)
  }

  // MARK: - Evaluation

  /// Evaluates the ruleset.
  /// - Parameters:
  ///   - inputs: Bound input values.
  ///   - asOf: The date that selects parameter versions.
  ///   - outputs: Which outputs to compute; only what they need is evaluated.
  ///   - explain: Whether to record an ``Explanation`` (see ``EvaluationResult/explanation``).
  /// - Returns: The outputs with the ruleset's identity.
  /// - Throws: ``EvaluationError`` naming the declaration and the place in the ruleset.
  public func evaluate(
    _ inputs: InputValues, asOf: CivilDate, outputs: OutputSelection? = nil, explain: Bool = false
  ) throws(EvaluationError) -> EvaluationResult {
    try run(
      inputs.slots, asOf: asOf, outputs: outputs?.ids ?? checked.defaultOutputs,
      recorder: explain ? TraceRecorder() : nil)
  }

  /// Runs one evaluation; with a recorder, on the explaining readers.
  func run(
    _ inputs: [(slot: Int, value: Value)], asOf: CivilDate, outputs selected: [DeclarationID],
    recorder: TraceRecorder?
  ) throws(EvaluationError) -> EvaluationResult {
    var frame = Frame(
      declarationCount: readers.count, localCount: checked.localCount, asOf: asOf,
      recorder: recorder)
    for (slot, value) in inputs {
      frame.store(value, at: slot)
    }
    let readers = recorder == nil ? self.readers : explainingReaders
    var results: [EvaluationResult.Output] = []
    results.reserveCapacity(selected.count)
    try guarded {
      for id in selected {
        let declaration = checked.declarations[id.index]
        results.append(
          EvaluationResult.Output(
            name: declaration.name, type: declaration.type, value: try readers[id.index].run(&frame)))
      }
    }
    return EvaluationResult(
      ruleset: checked.name, version: checked.version, hash: checked.contentHash, asOf: asOf,
      outputs: results, explanation: recorder.map { explanation(of: selected, from: $0, frame: frame) })
  }

  /// Runs compiled code. It only throws `EvaluationError`; anything else would be a compiler
  /// bug and is reported as an internal error naming the ruleset instead of escaping untyped.
  func guarded<T>(_ body: () throws -> T) throws(EvaluationError) -> T {
    do {
      return try body()
    } catch let error as EvaluationError {
      throw error
    } catch {
      throw EvaluationError(
        .internalError, "internal error: \(error)", at: checked.sources[0].wholeSpan,
        in: checked.name)
    }
  }

  /// Assembles the explanation of the selected outputs from what the recorder gathered.
  private func explanation(of selected: [DeclarationID], from recorder: TraceRecorder, frame: Frame)
    -> Explanation
  {
    let outputs = selected.map { id -> DeclarationExplanation in
      if let recorded = recorder.explanation(of: id.index) { return recorded }
      let declaration = checked.declarations[id.index]
      return DeclarationExplanation(
        name: declaration.name, kind: declaration.kindName, value: frame.slots[id.index],
        decision: .input, reads: [], parameters: [], reasons: [], standards: [])
    }
    let parameters = recorder.parameterVersions.values.sorted { $0.name < $1.name }
    return Explanation(outputs: outputs, parameters: parameters)
  }
}

/// A resolved choice of outputs.
public struct OutputSelection: Sendable {
  let ids: [DeclarationID]
}

/// Output names that the ruleset does not declare.
public struct OutputSelectionError: Error, Sendable, CustomStringConvertible {
  /// Each unknown name with the closest declared name, if any.
  public let unknown: [(name: String, suggestion: String?)]

  /// One line per unknown name.
  public var description: String {
    unknown.map { entry in
      "unknown output `\(entry.name)`" + (entry.suggestion.map { "; did you mean `\($0)`?" } ?? "")
    }.joined(separator: "\n")
  }
}
