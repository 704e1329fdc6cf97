import VerdantValues

/// The outcome of one evaluation: the ruleset's identity, the as-of date, and the requested
/// outputs in declaration order.
public struct EvaluationResult: Sendable {
  /// One named output value.
  public struct Output: Sendable {
    /// The declaration's name.
    public let name: String
    /// Its static type.
    public let type: ValueType
    /// Its value.
    public let value: Value
  }

  /// The ruleset's name.
  public let ruleset: String
  /// The ruleset's version, if declared.
  public let version: String?
  /// The content hash of the ruleset sources (`sha256:…`).
  public let hash: String
  /// The date parameters were selected for.
  public let asOf: CivilDate
  /// The outputs, in declaration order.
  public let outputs: [Output]
  /// Why each output has its value, when the evaluation was asked to explain itself.
  public let explanation: Explanation?

  /// The value of an output by name.
  public subscript(name: String) -> Value? {
    outputs.first { $0.name == name }?.value
  }

  /// The documented JSON shape:
  /// `{"ruleset": …, "version": …, "hash": …, "as_of": …, "outputs": {…}}`.
  public var json: JSONValue {
    var values = JSONObject()
    for output in outputs { values.append(key: output.name, value: output.value.json) }
    return .object(
      JSONObject([
        ("ruleset", .string(ruleset)),
        ("version", version.map(JSONValue.string) ?? .null),
        ("hash", .string(hash)),
        ("as_of", .string(asOf.description)),
        ("outputs", .object(values)),
      ] + (explanation.map { [("explanation", $0.json)] } ?? [])))
  }
}
