import VerdantValues

/// Validated input values for one evaluation, one per `input` declaration of the ruleset.
///
/// Create them with ``CompiledRuleset/inputs(json:)``, ``CompiledRuleset/inputs(_:)`` or
/// ``CompiledRuleset/inputs(encoding:)``; they are checked against the declared types once, so
/// evaluating them cannot fail on a wrong input type.
public struct InputValues: Sendable {
  /// Each input's frame slot and value.
  let slots: [(slot: Int, value: Value)]

  /// The value given for an input, by name.
  public func value(of input: String, in ruleset: CompiledRuleset) -> Value? {
    guard let declaration = ruleset.checked.declaration(named: input) else { return nil }
    return slots.first { $0.slot == declaration.id.index }?.value
  }
}
