import VerdantValues

extension Explanation {
  /// The explanation as JSON: `{"outputs": {name: {…}}, "parameters": […]}`.
  ///
  /// Each output has `kind`, `value`, `decision` (with a `type` of `input`, `computed`,
  /// `parameter`, `branch`, `scorecard` or `table`), `reads` (name → value), `parameters` and
  /// `reasons`.
  public var json: JSONValue {
    var outputs = JSONObject()
    for output in self.outputs { outputs.append(key: output.name, value: output.json) }
    return .object(
      JSONObject([
        ("outputs", .object(outputs)),
        ("parameters", .array(parameters.map(\.json))),
      ]))
  }
}

extension DeclarationExplanation {
  /// One output's explanation as JSON.
  public var json: JSONValue {
    var reads = JSONObject()
    for read in self.reads { reads.append(key: read.name, value: read.value.json) }
    return .object(
      JSONObject([
        ("kind", .string(kind)),
        ("value", value.json),
        ("decision", decision.json),
        ("reads", .object(reads)),
        ("parameters", .array(parameters.map(\.json))),
        ("reasons", .array(reasons.map(JSONValue.string))),
        ("standards", .array(standards.map(\.json))),
      ]))
  }
}

extension StandardUse {
  /// `{"name", "region", "applied_in", "fallbacks", "value"}`.
  public var json: JSONValue {
    .object(
      JSONObject([
        ("name", .string(name)), ("region", .string(region)), ("applied_in", .string(appliedIn)),
        ("fallbacks", .array(fallbacks.map(JSONValue.string))), ("value", value.json),
      ]))
  }
}

extension Decision {
  /// The decision as JSON, with a `type` member naming its kind.
  public var json: JSONValue {
    func number(_ value: Int) -> JSONValue { .number(String(value)) }
    switch self {
    case .input:
      return .object(JSONObject([("type", .string("input"))]))
    case .computed:
      return .object(JSONObject([("type", .string("computed"))]))
    case .parameter(let version):
      return .object(
        JSONObject([("type", .string("parameter")), ("version", .string(version.description))]))
    case .branch(let branch, let condition, let line):
      return .object(
        JSONObject([
          ("type", .string("branch")), ("branch", number(branch)),
          ("condition", condition.map(JSONValue.string) ?? .null), ("line", number(line)),
        ]))
    case .scorecard(let baseline, let characteristics):
      return .object(
        JSONObject([
          ("type", .string("scorecard")), ("baseline", .number(baseline.description)),
          (
            "characteristics",
            .array(
              characteristics.map { outcome in
                .object(
                  JSONObject([
                    ("name", .string(outcome.name)), ("value", outcome.value.json),
                    ("bin", .string(outcome.bin)), ("bin_number", number(outcome.binNumber)),
                    ("line", number(outcome.line)), ("points", .number(outcome.points.description)),
                    ("maximum", .number(outcome.maximum.description)),
                    ("reason", outcome.reason.map(JSONValue.string) ?? .null),
                  ]))
              })
          ),
        ]))
    case .table(let policy, let rows):
      return .object(
        JSONObject([
          ("type", .string("table")), ("hit_policy", .string(policy)),
          (
            "rows",
            .array(
              rows.map { row in
                .object(
                  JSONObject([
                    ("row", number(row.number)), ("cells", .string(row.cells)),
                    ("line", number(row.line)), ("output", row.output.json),
                    ("reason", row.reason.map(JSONValue.string) ?? .null),
                  ]))
              })
          ),
        ]))
    }
  }
}

extension ParameterUse {
  /// `{"name": …, "version": "2025-07-01", "value": …}`.
  public var json: JSONValue {
    .object(
      JSONObject([
        ("name", .string(name)), ("version", .string(version.description)), ("value", value.json),
      ]))
  }
}
