/// Checks values built in Swift against declared types, converting where the language would
/// (`Int` to `Decimal`, an enum case named by text), and reporting every mismatch by path.
public struct ValueValidator: Sendable {
  /// The region hierarchy that region values must belong to.
  public var regions: RegionHierarchy

  /// Creates a validator.
  public init(regions: RegionHierarchy = .empty) { self.regions = regions }

  /// Validates one value.
  /// - Parameters:
  ///   - value: The value given.
  ///   - type: The declared type.
  ///   - path: Where the value is, for issues.
  ///   - issues: Problems found are appended here.
  /// - Returns: The value in the declared type's representation.
  public func validate(
    _ value: Value, as type: ValueType, at path: String, issues: inout [InputIssue]
  ) -> Value {
    func fail(_ message: String) -> Value {
      issues.append(InputIssue(path: path, message: message))
      return .absent
    }
    switch (type, value) {
    case (.optional, .absent):
      return .absent
    case (.optional(let wrapped), _):
      return validate(value, as: wrapped, at: path, issues: &issues)
    case (_, .absent):
      return fail("missing required value of type \(type)")
    case (.bool, .bool), (.int, .int), (.decimal, .decimal), (.percent, .percent),
      (.text, .text), (.date, .date), (.duration, .duration):
      return value
    case (.decimal, .int(let int)):
      return .decimal(ExactDecimal(int))
    case (.money(let currency), .money(let money)):
      if let currency, currency != money.currency {
        return fail("expected an amount in \(currency.code), found \(money.currency.code)")
      }
      return value
    case (.enumeration(let enumType), .enumCase(let enumCase)) where enumCase.type == enumType:
      return value
    case (.enumeration(let enumType), .text(let name)):
      guard let ordinal = enumType.ordinal(of: name) else {
        return fail("`\(name)` is not a case of \(enumType.name)")
      }
      return .enumCase(EnumCase(type: enumType, ordinal: ordinal))
    case (.region, .region(let region)) where region.hierarchy === regions:
      return value
    case (.region, .text(let code)):
      guard let index = regions.index(of: code) else {
        return fail("`\(code)` is not a declared region")
      }
      return .region(Region(hierarchy: regions, index: index))
    case (.record(let recordType), .record(let record)) where record.type == recordType:
      var fields: [Value] = []
      for (field, fieldValue) in zip(recordType.fields, record.fields) {
        fields.append(
          validate(
            fieldValue, as: field.type, at: ValueDecoder.path(path, appending: field.name),
            issues: &issues))
      }
      return .record(RecordValue(type: recordType, fields: fields))
    case (.list(let element), .list(let elements)):
      return .list(validateElements(elements, element, path, &issues))
    case (.set(let element), .set(let elements)), (.set(let element), .list(let elements)):
      return Value.makeSet(validateElements(elements, element, path, &issues))
    default:
      return fail("expected \(type), found \(value)")
    }
  }

  private func validateElements(
    _ elements: [Value], _ type: ValueType, _ path: String, _ issues: inout [InputIssue]
  ) -> [Value] {
    elements.enumerated().map { index, element in
      validate(element, as: type, at: "\(path)[\(index)]", issues: &issues)
    }
  }
}
