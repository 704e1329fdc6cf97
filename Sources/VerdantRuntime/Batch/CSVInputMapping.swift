import VerdantSemantics
import VerdantValues

/// How the columns of a CSV header map to a ruleset's inputs.
///
/// With one input, a column is named after a field (`revenue`) or input and field
/// (`supplier.revenue`); with several inputs, always input and field. A field of a nested
/// record is reached with more dots (`address.city`). Lists and sets are written in one cell,
/// elements separated by `;` (an empty cell is an empty collection). An empty cell is absent
/// for an optional field, and an error for a required one.
public struct CSVInputMapping: Sendable {
  /// Where one column goes: the input and the path of field indices.
  /// A class, not a struct: rows read every column's target, and copying a struct of
  /// arrays and texts per cell cost a handful of reference-count operations each.
  final class Target: Sendable {
    let input: Int
    let path: [Int]
    let type: ValueType
    let name: String
    /// `input.field.subfield`, whatever the column's spelling.
    let canonical: String

    init(input: Int, path: [Int], type: ValueType, name: String, canonical: String) {
      self.input = input
      self.path = path
      self.type = type
      self.name = name
      self.canonical = canonical
    }
  }

  private let inputs: [(name: String, slot: Int, type: RecordType)]
  private let targets: [Target?]
  private let parser: TextValueParser

  /// Builds the mapping for a header, reporting unknown columns and missing required fields.
  /// - Throws: ``InputError`` listing every header problem (path `header`).
  public init(header: [String], ruleset: CompiledRuleset) throws(InputError) {
    let inputs = ruleset.inputSlotsForBatch
    self.inputs = inputs
    self.parser = TextValueParser(regions: ruleset.checked.regions)
    var issues: [InputIssue] = []
    var targets: [Target?] = []
    var covered = Set<String>()
    for column in header {
      let name = TextValueParser.trimmed(column)
      let resolved: InputFieldPath
      switch InputFieldPath.resolve(name, among: inputs) {
      case .success(let path): resolved = path
      case .failure(.noField):
        issues.append(
          InputIssue(
            path: "header", message: "column `\(name)` does not name an input field; write `input.field`"))
        targets.append(nil)
        continue
      case .failure(let problem):
        var message = "unknown column `\(name)`"
        if case .unknownField(_, _, let suggestion?) = problem {
          message += "; did you mean `\(suggestion)`?"
        }
        issues.append(InputIssue(path: "header", message: message))
        targets.append(nil)
        continue
      }
      let (input, path, type, parts) = (resolved.input, resolved.path, resolved.type, resolved.fields)
      if case .record = type.unwrapped {
        issues.append(
          InputIssue(
            path: "header",
            message: "column `\(name)` is a record; give its fields as `\(name).field` columns"))
        targets.append(nil)
        continue
      }
      let canonical = ([inputs[input].name] + parts).joined(separator: ".")
      covered.insert(canonical)
      targets.append(Target(input: input, path: path, type: type, name: name, canonical: canonical))
    }
    // Every required field must have a column (records are checked field by field).
    func requireColumns(_ record: RecordType, prefix: String) {
      for field in record.fields where !field.type.isOptional {
        let name = prefix + "." + field.name
        if case .record(let nested) = field.type {
          requireColumns(nested, prefix: name)
        } else if !covered.contains(name) {
          let column = inputs.count == 1 ? String(name.drop(while: { $0 != "." }).dropFirst()) : name
          issues.append(
            InputIssue(path: "header", message: "no column for the required field `\(column)`"))
        }
      }
    }
    for input in inputs { requireColumns(input.type, prefix: input.name) }
    guard issues.isEmpty else { throw InputError(issues: issues) }
    self.targets = targets
  }

  /// Decodes one row's cells into bound inputs.
  /// - Throws: ``InputError`` listing every bad cell, by column name.
  public func decode(_ cells: [String]) throws(InputError) -> InputValues {
    guard cells.count == targets.count else {
      throw InputError(
        issues: [
          InputIssue(
            path: "row", message: "expected \(targets.count) cells, found \(cells.count)")
        ])
    }
    var issues: [InputIssue] = []
    var roots = inputs.map { RecordBuilder(type: $0.type) }
    var unreadable = Set<String>()
    for (cell, target) in zip(cells, targets) {
      guard let target else { continue }
      if TextValueParser.isBlank(cell) {
        // An empty cell is an empty list or set, and otherwise a missing value (required
        // fields are checked below).
        switch target.type {
        case .list: roots[target.input].set(.list([]), at: target.path[...])
        case .set: roots[target.input].set(Value.makeSet([]), at: target.path[...])
        default: break
        }
        continue
      }
      switch parser.parse(cell, as: target.type) {
      case .success(let value): roots[target.input].set(value, at: target.path[...])
      case .failure(let error):
        issues.append(InputIssue(path: target.name, message: error.message))
        unreadable.insert(target.canonical)
      }
    }
    var slots: [(slot: Int, value: Value)] = []
    for (index, input) in inputs.enumerated() {
      let record = roots[index].build()
      for path in Self.missingRequired(record, type: input.type)
      where !unreadable.contains("\(input.name).\(path)") {
        let column = inputs.count == 1 ? path : "\(input.name).\(path)"
        issues.append(InputIssue(path: column, message: "missing value for a required field"))
      }
      slots.append((input.slot, record))
    }
    guard issues.isEmpty else { throw InputError(issues: issues) }
    return InputValues(slots: slots)
  }

  /// The dotted paths of required fields that are absent.
  private static func missingRequired(_ value: Value, type: RecordType) -> [String] {
    guard case .record(let record) = value else { return [] }
    var missing: [String] = []
    for (field, fieldValue) in zip(type.fields, record.fields) where !field.type.isOptional {
      if case .record(let nested) = field.type {
        missing += missingRequired(fieldValue, type: nested).map { "\(field.name).\($0)" }
      } else if case .absent = fieldValue {
        missing.append(field.name)
      }
    }
    return missing
  }
}

/// Assembles a (possibly nested) record from field values set by path.
private struct RecordBuilder {
  let type: RecordType
  var fields: [Value]
  var nested: [Int: RecordBuilder] = [:]

  init(type: RecordType) {
    self.type = type
    fields = Array(repeating: .absent, count: type.fields.count)
  }

  mutating func set(_ value: Value, at path: ArraySlice<Int>) {
    guard let first = path.first else { return }
    if path.count == 1 {
      fields[first] = value
      return
    }
    guard case .record(let record) = type.fields[first].type.unwrapped else { return }
    var builder = nested[first] ?? RecordBuilder(type: record)
    builder.set(value, at: path.dropFirst())
    nested[first] = builder
  }

  func build() -> Value {
    var values = fields
    for (index, builder) in nested { values[index] = builder.build() }
    return .record(RecordValue(type: type, fields: values))
  }
}
