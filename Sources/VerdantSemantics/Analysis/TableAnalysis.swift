import VerdantSyntax

/// Completeness, overlaps and unreachable rows of a decision table.
///
/// Each row is the conjunction of its cells' conditions. Over interval and enum columns the
/// reasoning is exact; conditions it cannot model are free facts, so the analysis never claims
/// coverage that is not there, and reports an overlap under `unique` only when it is certain.
public enum TableAnalysis {
  /// What the analysis found.
  public struct Findings: Sendable {
    /// Input combinations no row covers (up to three disjoint regions); empty when complete.
    public var gaps: [String] = []
    /// Whether completeness could not be decided (the conditions are too complex).
    public var completenessUnknown = false
    /// Pairs of rows (by index) that can both match, with a region where they do.
    public var overlaps: [(first: Int, second: Int, region: String)] = []
    /// Rows that can never be the one that applies.
    public var unreachable: [Int] = []
  }

  /// Analyses rows under a hit policy.
  /// - Parameters:
  ///   - rows: For each row, one condition per column (`nil` for `-`).
  ///   - policy: The hit policy.
  ///   - needsCompleteness: Whether a gap is a problem (false for `collect` policies).
  public static func analyze(_ rows: [[TypedExpr?]], policy: HitPolicy) -> Findings {
    var findings = Findings()
    let formulas = rows.map { cells in Formula.and(cells.compactMap { $0.map(Formula.init) }) }
    let conjuncts = rows.map { cells in cells.compactMap { $0.map(Formula.init) } }
    switch policy {
    case .first:
      var failed: [Formula] = []
      for (index, row) in formulas.enumerated() {
        var solver = Solver()
        if case .unsatisfiable = solver.solve([row] + failed) { findings.unreachable.append(index) }
        failed.append(row.negated)
      }
    default:
      for (index, row) in formulas.enumerated() {
        var solver = Solver()
        if case .unsatisfiable = solver.solve([row]) { findings.unreachable.append(index) }
      }
    }
    if case .unique = policy {
      findings.overlaps = certainOverlaps(formulas, conjuncts)
    }
    if case .any = policy {
      findings.overlaps = certainOverlaps(formulas, conjuncts)
    }
    switch policy {
    case .collect, .collectAggregate:
      break
    default:
      (findings.gaps, findings.completenessUnknown) = gaps(formulas)
    }
    return findings
  }

  /// Pairs of rows that certainly can both match: some combination of exactly modelled values
  /// satisfies both, whatever the conditions the analysis cannot model.
  private static func certainOverlaps(_ formulas: [Formula], _ conjuncts: [[Formula]])
    -> [(first: Int, second: Int, region: String)]
  {
    var overlaps: [(first: Int, second: Int, region: String)] = []
    for second in formulas.indices {
      for first in 0..<second {
        // Rows resting on facts the analysis cannot model (`contains "A"`, a bound read from
        // another input) may or may not overlap; claiming they do could be wrong, so the evaluator
        // reports such an overlap when it really happens.
        let involved = conjuncts[first] + conjuncts[second]
        guard !involved.contains(where: \.mentionsOpaque) else { continue }
        var solver = Solver()
        if case .satisfiable(let term) = solver.solve([formulas[first], formulas[second]]) {
          let region = RegionDescription.describe(term, from: involved) ?? "any input"
          overlaps.append((first, second, region))
        }
      }
    }
    return overlaps
  }

  /// Up to three disjoint regions no row covers.
  private static func gaps(_ formulas: [Formula]) -> (regions: [String], unknown: Bool) {
    var constraints = formulas.map(\.negated)
    var regions: [String] = []
    while regions.count < 3 {
      var solver = Solver()
      switch solver.solve(constraints) {
      case .unsatisfiable:
        return (regions, false)
      case .unknown:
        return (regions, regions.isEmpty)
      case .satisfiable(let found):
        let term = found.generalized(uncoveredBy: formulas)
        regions.append(RegionDescription.describe(term, from: formulas) ?? "any input")
        // Exclude this region and look for another.
        constraints.append(term.formula.negated)
      }
    }
    return (regions, false)
  }
}

extension Formula {
  /// Whether the formula has an atom the analysis cannot model.
  var mentionsOpaque: Bool {
    switch self {
    case .constant: return false
    case .atom(let subject, _): return subject.isOpaque
    case .and(let parts), .or(let parts): return parts.contains(where: \.mentionsOpaque)
    }
  }
}

extension Solver.Term {
  /// The term as a formula (the conjunction of its constraints).
  var formula: Formula {
    .and(subjects.compactMap { subject in constraint(on: subject).map { .atom(subject, $0) } })
  }

  /// The term without one subject's constraint.
  func removing(_ subject: Subject) -> Solver.Term {
    var copy = Solver.Term()
    for other in subjects where other.key != subject.key {
      if let set = constraint(on: other), let next = copy.adding(other, set) { copy = next }
    }
    return copy
  }

  /// A wider region that is still uncovered: drops each constraint whose removal leaves no
  /// value matched by any of `covering`, so gaps read `s.p < 5%` rather than one grade at a time.
  func generalized(uncoveredBy covering: [Formula]) -> Solver.Term {
    var term = self
    for subject in subjects {
      let candidate = term.removing(subject)
      var solver = Solver()
      if case .unsatisfiable = solver.solve([candidate.formula, .or(covering)]) {
        term = candidate
      }
    }
    return term
  }
}
