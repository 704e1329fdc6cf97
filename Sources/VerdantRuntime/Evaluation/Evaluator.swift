import VerdantSemantics
import VerdantValues

/// Evaluates one compiled ruleset many times, reusing its working memory between evaluations.
///
/// `CompiledRuleset.evaluate` allocates a fresh frame per call, which is simplest and safe from
/// any thread. For hot loops and batch jobs, give each thread (or task) its own evaluator: it
/// keeps one frame and starts each evaluation by bumping a generation counter, so the per-row
/// cost is only the rules themselves. An evaluator is not `Sendable`; the ruleset it wraps is.
public final class Evaluator {
  /// The ruleset evaluated.
  public let ruleset: CompiledRuleset
  /// The declarations evaluated, in output order.
  public let outputs: [DeclarationID]
  // One evaluator is used by one thread at a time (it is not Sendable), so the runtime's
  // per-access exclusivity checks on this property would only cost time.
  @exclusivity(unchecked) private var frame: Frame

  /// Creates an evaluator.
  /// - Parameters:
  ///   - ruleset: The compiled ruleset.
  ///   - outputs: The outputs to compute (default: the ruleset's default outputs).
  public init(ruleset: CompiledRuleset, outputs: OutputSelection? = nil) {
    self.ruleset = ruleset
    self.outputs = outputs?.ids ?? ruleset.checked.defaultOutputs
    frame = Frame(
      declarationCount: ruleset.readers.count, localCount: ruleset.checked.localCount,
      asOf: CivilDate.minimum)
  }

  /// The names of the outputs, in order.
  public var outputNames: [String] { outputs.map { ruleset.checked.declarations[$0.index].name } }

  /// Evaluates the outputs for one set of inputs.
  /// - Parameters:
  ///   - inputs: Bound inputs.
  ///   - asOf: The date that selects parameter versions.
  /// - Returns: The output values, in ``outputs`` order.
  /// - Throws: ``EvaluationError`` naming the declaration and the place in the ruleset.
  public func evaluate(_ inputs: InputValues, asOf: CivilDate) throws(EvaluationError) -> [Value] {
    try run(inputs, asOf: asOf) { frame in
      var values: [Value] = []
      values.reserveCapacity(outputs.count)
      for id in outputs { values.append(try ruleset.readers[id.index].run(&frame)) }
      return values
    }
  }

  /// Evaluates one output for one set of inputs, without allocating a result array.
  /// - Parameters:
  ///   - position: The output's position in ``outputs``.
  ///   - inputs: Bound inputs.
  ///   - asOf: The date that selects parameter versions.
  /// - Throws: ``EvaluationError``.
  public func evaluate(output position: Int, _ inputs: InputValues, asOf: CivilDate)
    throws(EvaluationError) -> Value
  {
    try run(inputs, asOf: asOf) { frame in
      try ruleset.readers[outputs[position].index].run(&frame)
    }
  }

  /// Starts an evaluation in the reused frame and runs `body` on it.
  private func run<T>(
    _ inputs: InputValues, asOf: CivilDate, _ body: (inout Frame) throws -> T
  ) throws(EvaluationError) -> T {
    frame.reset(asOf: asOf)
    for (slot, value) in inputs.slots { frame.store(value, at: slot) }
    return try ruleset.guarded { try body(&frame) }
  }
}

extension CompiledRuleset {
  /// An evaluator that reuses its working memory; one per thread or task.
  public func makeEvaluator(outputs: OutputSelection? = nil) -> Evaluator {
    Evaluator(ruleset: self, outputs: outputs)
  }
}
