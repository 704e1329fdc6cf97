import VerdantValues

extension EvaluationResult {
  /// The result as a two-column table for people: a heading line naming the ruleset, version
  /// and as-of date, then one `name  value` line per output, values written as in a batch
  /// table (`93.49`, `blue`, `0 CNY`), lists of such values joined by commas, records as JSON.
  public var table: String {
    let heading = [ruleset, version, "as of \(asOf)"].compactMap { $0 }.joined(separator: " ")
    let width = outputs.map { BatchOutputFormatter.displayWidth($0.name) }.max() ?? 0
    return outputs.reduce(heading + "\n") { text, output in
      text
        + BatchOutputFormatter.tableLine(
          [output.name, BatchOutputFormatter.tableText(output.value)], widths: [width, 0])
    }
  }
}
