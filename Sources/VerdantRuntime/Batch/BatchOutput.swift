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
      max(Self.displayWidth(name), index < widths.count ? widths[index] : 0)
    }
  }

  /// The header line, if the format has one (with its line break).
  public var header: String? {
    switch format {
    case .jsonl: return nil
    case .csv:
      var output: [UInt8] = []
      for (index, name) in (["line"] + names).enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        Self.appendCSVField(name, to: &output)
      }
      return String(decoding: output, as: UTF8.self) + "\n"
    case .table:
      return Self.tableLine(["line"] + names, widths: [6] + widths)
        + Self.tableLine(
          ([6] + widths).map { String(repeating: "-", count: $0) }, widths: [6] + widths)
    }
  }

  /// Appends one row, with its line break, to a byte buffer.
  ///
  /// Rows are written by the million, so scalars go straight into the buffer and only
  /// collections and records build a JSON tree.
  public func append(line: Int, values: [Value], explanation: Explanation?, to output: inout [UInt8]) {
    switch format {
    case .jsonl:
      output.append(contentsOf: #"{"line":"#.utf8)
      output.append(contentsOf: String(line).utf8)
      output.append(contentsOf: #","outputs":{"#.utf8)
      for (index, (name, value)) in zip(names, values).enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONWriter.append(string: name, to: &output)
        output.append(UInt8(ascii: ":"))
        Self.appendJSON(value, to: &output)
      }
      output.append(UInt8(ascii: "}"))
      if let explanation {
        output.append(contentsOf: #","explanation":"#.utf8)
        JSONWriter.append(explanation.json, to: &output)
      }
      output.append(contentsOf: "}\n".utf8)
    case .csv:
      output.append(contentsOf: String(line).utf8)
      for value in values {
        output.append(UInt8(ascii: ","))
        switch value {
        case .absent: break
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .decimal(let number), .percent(let number):
          output.append(contentsOf: number.description.utf8)
        default: Self.appendCSVField(Self.text(value), to: &output)
        }
      }
      output.append(UInt8(ascii: "\n"))
    case .table:
      output.append(
        contentsOf: Self.tableLine([String(line)] + values.map(Self.tableText), widths: [6] + widths)
          .utf8)
    }
  }

  /// One row as text, with its line break.
  public func row(line: Int, values: [Value], explanation: Explanation?) -> String {
    var output: [UInt8] = []
    append(line: line, values: values, explanation: explanation, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private static func appendJSON(_ value: Value, to output: inout [UInt8]) {
    switch value {
    case .absent: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .int(let number): output.append(contentsOf: String(number).utf8)
    case .decimal(let number), .percent(let number):
      output.append(contentsOf: number.description.utf8)
    case .text(let text): JSONWriter.append(string: text, to: &output)
    case .enumCase(let value): JSONWriter.append(string: value.name, to: &output)
    default: JSONWriter.append(value.json, to: &output)
    }
  }

  /// Appends a CSV field, quoted when it contains a comma, quote or line break (RFC 4180).
  static func appendCSVField(_ text: String, to output: inout [UInt8]) {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      output.append(contentsOf: text.utf8)
      return
    }
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { output.append(byte) }
      output.append(byte)
    }
    output.append(UInt8(ascii: "\""))
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

  /// A value as a table cell for people: as `text(_:)`, except that a list or set of scalars
  /// is written as its elements joined by commas (`CARBON_INTENSITY, GREEN_FACTORY`).
  public static func tableText(_ value: Value) -> String {
    switch value {
    case .list(let elements), .set(let elements):
      let scalars = elements.allSatisfy {
        switch $0 {
        case .record, .list, .set: false
        default: true
        }
      }
      return scalars ? elements.map(text).joined(separator: ", ") : text(value)
    default:
      return text(value)
    }
  }

  /// Cells padded to their widths; the last is not padded, so lines carry no trailing blanks.
  static func tableLine(_ cells: [String], widths: [Int]) -> String {
    var line = ""
    for (index, (cell, width)) in zip(cells, widths).enumerated() {
      line += cell
      if index < cells.count - 1 {
        line += String(repeating: " ", count: max(0, width - displayWidth(cell)) + 2)
      }
    }
    while line.last == " " { line.removeLast() }  // an empty last cell leaves padding behind
    return line + "\n"
  }

  /// The columns a text takes in a terminal: two for East Asian wide characters (Chinese
  /// reason texts and company names are common in this domain), one for others.
  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return width + 2
      default:
        return width + 1
      }
    }
  }
}
