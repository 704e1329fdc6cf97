/// A JSON document as data, with numbers kept as their exact source text.
///
/// Numbers are never converted to binary floating point: `0.1` stays the text `"0.1"` and
/// `1e400` is kept as written, so the engine can parse them exactly (for example with
/// `ExactDecimal(parsing:)`) or reject them with a precise reason.
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as its source text in valid JSON number syntax.
  case number(String)
  /// A string, with escapes decoded.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, in source key order.
  case object(JSONObject)
}

extension JSONValue {
  /// The member of an object by key; `nil` for other values or a missing key.
  public subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }
}
