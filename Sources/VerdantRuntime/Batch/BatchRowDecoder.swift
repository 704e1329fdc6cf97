import VerdantValues

/// Turns one record of a batch input into bound inputs.
enum BatchRowDecoder: Sendable {
  /// CSV rows, by the header's column mapping.
  case csv(CSVInputMapping)
  /// JSON lines; `bareInput` names the input a bare object is taken to be (rulesets with one
  /// input).
  case jsonl(ruleset: CompiledRuleset, bareInput: String?)

  /// Decodes a record.
  /// - Returns: The inputs, or every problem found.
  func decode(_ record: ArraySlice<UInt8>) -> Result<InputValues, InputError> {
    switch self {
    case .csv(let mapping):
      switch CSVFields.split(record) {
      case .failure(let error):
        return .failure(InputError(issues: [InputIssue(path: "field \(error.field)", message: error.message)]))
      case .success(let cells):
        do {
          return .success(try mapping.decode(cells))
        } catch {
          return .failure(error)
        }
      }
    case .jsonl(let ruleset, let bareInput):
      let document: JSONValue
      do {
        document = try JSONParser.parse(record)
      } catch {
        return .failure(InputError(issues: [InputIssue(path: "$", message: "invalid JSON: \(error)")]))
      }
      do {
        return .success(try ruleset.inputs(document: Self.wrapped(document, bareInput: bareInput)))
      } catch {
        return .failure(error)
      }
    }
  }

  /// A line is `{"supplier": {…}}` when every key names an input; otherwise, for a ruleset with
  /// one input, it is that input's object.
  private static func wrapped(_ document: JSONValue, bareInput: String?) -> JSONValue {
    guard let bareInput, case .object(let object) = document,
      object.keys != [bareInput]
    else { return document }
    return .object(JSONObject([(bareInput, document)]))
  }
}
