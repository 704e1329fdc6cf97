import VerdantValues

/// Renders an explanation as readable text, one block per output:
///
/// ```
/// grade = B  ← branch 3 (green_score.total >= 70) with green_score.total = 70
/// subsidy_cap = 800000 CNY  ← version of 2025-07-01
/// ```
public struct ExplanationRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The whole explanation, ending with the parameter versions used.
  public func render(_ explanation: Explanation) -> String {
    var lines: [String] = []
    for output in explanation.outputs { lines += render(output) }
    if !explanation.parameters.isEmpty {
      lines.append("parameters used:")
      for use in explanation.parameters {
        lines.append("  \(use.name) = \(use.value)  (version of \(use.version))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One output's lines.
  public func render(_ output: DeclarationExplanation) -> [String] {
    let head = "\(output.name) = \(summary(output.value))"
    let reads = output.reads.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
    let with = reads.isEmpty ? "" : " with \(reads)"
    var lines: [String]
    switch output.decision {
    case .input:
      lines = ["\(head)  ← input"]
    case .computed:
      lines = ["\(head)  ← computed\(reads.isEmpty ? "" : " from \(reads)")"]
    case .parameter(let version):
      lines = ["\(head)  ← version of \(version)"]
    case .branch(let number, let condition, _):
      if let condition {
        lines = ["\(head)  ← branch \(number) (\(condition))\(with)"]
      } else {
        lines = ["\(head)  ← otherwise (branch \(number): no earlier branch matched)\(with)"]
      }
    case .scorecard(let baseline, let characteristics):
      lines = ["\(head)  ← baseline \(baseline)"]
      for outcome in characteristics {
        var line =
          "    \(outcome.name) = \(outcome.value) in bin \(outcome.bin) → \(outcome.points) of "
          + "\(outcome.maximum) points"
        if let reason = outcome.reason { line += "  reason \(reason)" }
        lines.append(line)
      }
    case .table(let policy, let rows):
      if rows.count == 1, let row = rows.first {
        lines = ["\(head)  ← row \(row.number) (\(row.cells))\(with)"]
      } else {
        let numbers = rows.map { String($0.number) }.joined(separator: ", ")
        lines = [
          "\(head)  ← hit \(policy): \(rows.isEmpty ? "no rows matched" : "rows \(numbers) matched")\(with)"
        ]
        for row in rows { lines.append("    row \(row.number) (\(row.cells)) → \(row.output)") }
      }
    }
    for reason in output.reasons { lines.append("    because \"\(reason)\"") }
    for use in output.parameters {
      lines.append("    uses \(use.name) = \(use.value) (version of \(use.version))")
    }
    for use in output.standards {
      var line =
        "    standard \(use.name) for \(use.region) = \(use.value) (declared for \(use.appliedIn))"
      if !use.fallbacks.isEmpty {
        line += "; fell back from \(use.fallbacks.joined(separator: "; "))"
      }
      lines.append(line)
    }
    return lines
  }

  /// A compact value: scorecards show their total.
  private func summary(_ value: Value) -> String {
    if case .record(let record) = value, let total = record[field: "total"],
      record[field: "points"] != nil
    {
      return "total \(total)"
    }
    return value.description
  }
}
