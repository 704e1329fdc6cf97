import VerdantValues

/// The formats batch results are written in.
public enum BatchOutputFormat: String, Sendable, CaseIterable {
  /// One JSON object per row: `{"line": 2, "outputs": {…}}` (and `"explanation"`).
  case jsonl
  /// A header, then one CSV line per row: `line,grade,subsidy_tier`.
  case csv
  /// Aligned columns for reading in a terminal.
  case table
}

/// Turns evaluated rows into text in one of the batch formats.
public struct BatchOutputFormatter: Sendable {
  /// The format.
  public let format: BatchOutputFormat
  /// The output names, in order.
  public let names: [String]
  /// Column widths for the table format.
  private let widths: [Int]

  /// Creates a formatter.
  /// - Parameters:
  ///   - format: The format.
  ///   - names: The output names.
  ///   - widths: For tables, the width of each output column (at least its name's).
  public init(format: BatchOutputFormat, names: [String], widths: [Int] = []) {
    self.format = format
    self.names = names
    self.widths = names.enumerated().map { index, name in
      max(name.count, index < widths.count ? widths[index] : 0)
    }
  }

  /// The header line, if the format has one (with its line break).
  public var header: String? {
    switch format {
    case .jsonl: return nil
    case .csv: return (["line"] + names).map(Self.csvField).joined(separator: ",") + "\n"
    case .table:
      return Self.tableLine(["line"] + names, widths: [6] + widths)
        + Self.tableLine(
          ([6] + widths).map { String(repeating: "-", count: $0) }, widths: [6] + widths)
    }
  }

  /// One row, with its line break.
  public func row(line: Int, values: [Value], explanation: Explanation?) -> String {
    switch format {
    case .jsonl:
      var outputs = JSONObject()
      for (name, value) in zip(names, values) { outputs.append(key: name, value: value.json) }
      var object = JSONObject([("line", .number(String(line))), ("outputs", .object(outputs))])
      if let explanation { object.append(key: "explanation", value: explanation.json) }
      return JSONWriter.string(.object(object)) + "\n"
    case .csv:
      return ([String(line)] + values.map(Self.text)).map(Self.csvField).joined(separator: ",")
        + "\n"
    case .table:
      return Self.tableLine([String(line)] + values.map(Self.text), widths: [6] + widths)
    }
  }

  /// A value as one cell of text: scalars as written in CSV input (`12.5`, `1200.5 CNY`,
  /// `2025-07-01`, `B`), absent as empty, collections and records as JSON.
  public static func text(_ value: Value) -> String {
    switch value {
    case .absent: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .decimal(let number), .percent(let number): return number.description
    case .money(let money): return "\(money.amount) \(money.currency.code)"
    case .text(let text): return text
    case .date(let date): return date.description
    case .duration(let duration): return duration.description
    case .enumCase(let value): return value.name
    case .region(let region): return region.code
    case .record, .list, .set: return JSONWriter.string(value.json)
    }
  }

  /// A CSV field, quoted when it contains a comma, quote or line break (RFC 4180).
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
      + "\""
  }

  static func tableLine(_ cells: [String], widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
      cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count)
    }.joined(separator: "  ") + "\n"
  }
}
