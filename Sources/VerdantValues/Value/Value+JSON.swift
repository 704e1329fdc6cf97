extension Value {
  /// The value as JSON, in the documented output encoding.
  ///
  /// `Int` and `Decimal` become JSON numbers written exactly (`0.2`), `Percent` a number of
  /// percent units (`12.5`), `Money` `{"amount": 1200.5, "currency": "CNY"}`, `Date`
  /// `"2025-07-01"`, `Duration` `"30 days"`, enum cases and regions their names, records objects
  /// in field order, lists and sets arrays, and an absent optional `null`.
  public var json: JSONValue {
    switch self {
    case .absent: return .null
    case .bool(let value): return .bool(value)
    case .int(let value): return .number(String(value))
    case .decimal(let value), .percent(let value): return .number(value.description)
    case .money(let money):
      return .object(
        JSONObject([
          ("amount", .number(money.amount.description)),
          ("currency", .string(money.currency.code)),
        ]))
    case .text(let value): return .string(value)
    case .date(let value): return .string(value.description)
    case .duration(let value): return .string(value.description)
    case .enumCase(let value): return .string(value.name)
    case .region(let value): return .string(value.code)
    case .record(let record):
      var object = JSONObject()
      for (field, value) in zip(record.type.fields, record.fields) {
        object.append(key: field.name, value: value.json)
      }
      return .object(object)
    case .list(let elements), .set(let elements):
      return .array(elements.map(\.json))
    }
  }
}

extension Value: CustomStringConvertible {
  /// The value in Verdant literal syntax where one exists (`12.5%`, `500000 CNY`,
  /// `2025-07-01`, `"text"`), for explanations and test failures.
  public var description: String {
    switch self {
    case .absent: return "absent"
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .decimal(let value): return value.description
    case .percent(let value): return "\(value)%"
    case .money(let money): return "\(money.amount) \(money.currency.code)"
    case .text(let value): return "\"" + Value.escaped(value) + "\""
    case .date(let value): return value.description
    case .duration(let value): return value.description
    case .enumCase(let value): return value.name
    case .region(let value): return value.code
    case .record(let record):
      let fields = zip(record.type.fields, record.fields).map { "\($0.name): \($1)" }
      return "{ " + fields.joined(separator: ", ") + " }"
    case .list(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
    case .set(let elements): return "{" + elements.map(\.description).joined(separator: ", ") + "}"
    }
  }

  private static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
