import VerdantValues

/// Where a dotted name such as `revenue`, `supplier.revenue` or `supplier.address.city` points
/// among a ruleset's inputs: the input, then the field indexes down to the field. CSV column
/// names and the `--id` field are both written this way.
struct InputFieldPath {
  /// Why a name points nowhere.
  enum Problem: Error {
    /// Only an input is named (`supplier`, with several inputs), or nothing at all.
    case noField
    /// A part names no field of the record it is looked up in.
    case unknownField(String, record: String, suggestion: String?)
    /// A part that is not the last names a field that is not a record.
    case notARecord(String)
  }

  /// The input's position among the ruleset's inputs.
  let input: Int
  /// Field indexes from the input record down to the field.
  let path: [Int]
  /// The field's type.
  let type: ValueType
  /// The fields' names, without the input's name.
  let fields: [String]

  /// Resolves `name`. With one input its name may be left out; with several it is required.
  static func resolve(_ name: String, among inputs: [(name: String, slot: Int, type: RecordType)])
    -> Result<InputFieldPath, Problem>
  {
    var parts = name.split(separator: ".").map(String.init)
    var inputIndex: Int?
    if let first = parts.first, let index = inputs.firstIndex(where: { $0.name == first }),
      parts.count > 1 || inputs.count > 1
    {
      inputIndex = index
      parts.removeFirst()
    } else if inputs.count == 1 {
      inputIndex = 0
    }
    guard let input = inputIndex, !parts.isEmpty else { return .failure(.noField) }
    var record = inputs[input].type
    var type = ValueType.record(record)
    var path: [Int] = []
    for (position, part) in parts.enumerated() {
      if position > 0 {
        guard case .record(let nested) = type.unwrapped else {
          return .failure(.notARecord(parts[position - 1]))
        }
        record = nested
      }
      guard let index = record.fieldIndex(named: part) else {
        let suggestion = NameSuggestion.closest(to: part, among: record.fields.map(\.name))
        return .failure(.unknownField(part, record: record.name, suggestion: suggestion))
      }
      path.append(index)
      type = record.fields[index].type
    }
    return .success(InputFieldPath(input: input, path: path, type: type, fields: parts))
  }
}
