import VerdantValues

/// Overlaps, gaps and unreachable bins of one scorecard characteristic.
///
/// When every bin is a condition on the characteristic's value alone over an ordered or
/// enumerated domain (intervals, comparisons, case lists), the analysis is exact: it computes
/// the set of values each bin covers and reports the precise overlapping and uncovered sets
/// (`bins leave [0.6, 0.7) uncovered`). Bins with other predicates (`contains`) are tested in
/// order, first match wins; for them the analysis is sound: it reports only what holds for
/// every value of the conditions it cannot model.
public enum BinAnalysis {
  /// What the analysis found.
  public struct Findings: Sendable {
    /// Pairs of bins (by index) covering common values, with those values.
    public var overlaps: [(first: Int, second: Int, region: String)] = []
    /// The values no bin covers, when there is no `otherwise` bin.
    public var gap: String?
    /// Bins that can never apply.
    public var unreachable: [Int] = []
    /// Whether the final `otherwise` bin can never apply.
    public var otherwiseIsUnreachable = false
  }

  /// Analyses bins in order; `nil` is `otherwise` (the last bin).
  public static func analyze(_ conditions: [TypedExpr?]) -> Findings {
    let formulas = conditions.map { $0.map(Formula.init) }
    let hasOtherwise = conditions.contains { $0 == nil }
    if let exact = exactSets(formulas) {
      return analyzeExact(exact.subject, exact.sets, hasOtherwise: hasOtherwise)
    }
    var findings = Findings()
    let branches = BranchAnalysis.analyze(conditions)
    findings.unreachable = branches.unreachable.map(\.branch)
    findings.otherwiseIsUnreachable = branches.otherwiseIsUnreachable
    switch branches.uncovered {
    case .region(let text)?: findings.gap = "values where \(text)"
    case .unknown?: findings.gap = "values the analysis cannot rule out"
    case nil: break
    }
    return findings
  }

  /// The value set of each bin when every bin constrains one and the same subject only.
  static func exactSets(_ formulas: [Formula?]) -> (subject: Subject, sets: [ValueSet?])? {
    var subject: Subject?
    var sets: [ValueSet?] = []
    for formula in formulas {
      guard let formula else {
        sets.append(nil)
        continue
      }
      guard let (found, set) = valueSet(of: formula, subject: &subject), !found.isOpaque else {
        return nil
      }
      sets.append(set)
    }
    return subject.map { ($0, sets) }
  }

  /// The formula as a set of values of its single subject, or `nil` when it mentions more.
  private static func valueSet(of formula: Formula, subject: inout Subject?) -> (Subject, ValueSet)? {
    switch formula {
    case .constant:
      return nil
    case .atom(let atomSubject, let set):
      if let known = subject, known.key != atomSubject.key { return nil }
      subject = subject ?? atomSubject
      return (atomSubject, set.intersection(atomSubject.domain))
    case .and(let parts), .or(let parts):
      var combined: ValueSet?
      var found: Subject?
      for part in parts {
        guard let (partSubject, set) = valueSet(of: part, subject: &subject) else { return nil }
        found = partSubject
        if case .and = formula {
          combined = combined.map { $0.intersection(set) } ?? set
        } else {
          combined = combined.map { $0.union(set) } ?? set
        }
      }
      guard let found, let combined else { return nil }
      return (found, combined)
    }
  }

  private static func analyzeExact(_ subject: Subject, _ sets: [ValueSet?], hasOtherwise: Bool)
    -> Findings
  {
    var findings = Findings()
    var covered: ValueSet?
    var overlapping = Set<Int>()
    for (index, set) in sets.enumerated() {
      guard let set else { continue }
      for earlier in 0..<index {
        guard let previous = sets[earlier] else { continue }
        let common = previous.intersection(set)
        if !common.isEmpty {
          findings.overlaps.append((earlier, index, describe(common, subject)))
          overlapping.insert(index)
        }
      }
      if let union = covered, set.intersection(union.complement()).isEmpty,
        !overlapping.contains(index)
      {
        findings.unreachable.append(index)
      }
      if set.isEmpty, !overlapping.contains(index) { findings.unreachable.append(index) }
      covered = covered.map { $0.union(set) } ?? set
    }
    let uncovered = covered.map { $0.complement() } ?? subject.domain
    if hasOtherwise {
      findings.otherwiseIsUnreachable = uncovered.isEmpty
    } else if !uncovered.isEmpty {
      findings.gap = describe(uncovered, subject)
    }
    findings.unreachable = Array(Set(findings.unreachable)).sorted()
    return findings
  }

  /// A set of values as authors write them: `[0.6, 0.7)`, `(-inf, 0)`, `C, D`, `0.5`.
  static func describe(_ set: ValueSet, _ subject: Subject) -> String {
    switch set {
    case .intervals(let intervals):
      let pieces = intervals.intervals.map { interval -> String in
        let shown = RegionDescription.halfOpen(interval, type: subject.type)
        if let lower = shown.lower, let upper = shown.upper, lower.value == upper.value {
          return RegionDescription.format(lower.value, subject.type)
        }
        return RegionDescription.intervalText(shown, type: subject.type)
      }
      return pieces.joined(separator: " and ")
    case .ordinals(let ordinals, _):
      if let hierarchy = subject.regions {
        return RegionDescription.regionSummary(ordinals, hierarchy).joined(separator: ", ")
      }
      guard case .enumeration(let enumType) = subject.type else { return "" }
      return ordinals.sorted().map { enumType.cases[$0] }.joined(separator: ", ")
    case .booleans(let values):
      return values.sorted { !$0 && $1 }.map { $0 ? "true" : "false" }.joined(separator: ", ")
    case .texts(let texts, let isComplement):
      let quoted = texts.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
      return isComplement ? "text other than \(quoted)" : quoted
    }
  }
}
