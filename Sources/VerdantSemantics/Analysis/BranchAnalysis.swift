/// Reachability and completeness of ordered branches (`rule` branches; table rows and
/// scorecard bins reuse the same reasoning).
///
/// A branch is unreachable when its condition cannot hold once every earlier condition has
/// failed; a set of branches is complete when their conditions cannot all fail.
public struct BranchAnalysis: Sendable {
  /// What the analysis found.
  public struct Findings: Sendable {
    /// Branches (by index) that can never fire, each with the one earlier branch that shadows
    /// it on its own, when there is one.
    public var unreachable: [(branch: Int, shadowedBy: Int?)] = []
    /// Whether a final `otherwise` can never fire because the branches before it are complete.
    public var otherwiseIsUnreachable = false
    /// When the branches are not provably complete and there is no `otherwise`: a description of
    /// values no branch matches (`nil` when the analysis could not name one).
    public var uncovered: Uncovered?
  }

  /// A region of values no branch covers.
  public enum Uncovered: Sendable {
    /// Values such as `green_score.total < 50`.
    case region(String)
    /// The analysis could not decide (too complex); completeness is not proven.
    case unknown
  }

  /// Analyses branches in order; `nil` is an `otherwise` (always the last).
  /// - Parameter conditions: Each branch's condition, `nil` for `otherwise`.
  /// - Returns: The findings.
  public static func analyze(_ conditions: [TypedExpr?]) -> Findings {
    var findings = Findings()
    var earlierFailed: [Formula] = []
    let formulas = conditions.map { $0.map(Formula.init) }
    for (index, formula) in formulas.enumerated() {
      guard let formula else {
        var solver = Solver()
        if case .unsatisfiable = solver.solve(earlierFailed) {
          findings.otherwiseIsUnreachable = true
        }
        return findings
      }
      var solver = Solver()
      if case .unsatisfiable = solver.solve([formula] + earlierFailed) {
        var shadow: Int?
        for earlier in 0..<index {
          guard let previous = formulas[earlier] else { continue }
          var single = Solver()
          if case .unsatisfiable = single.solve([formula, previous.negated]) {
            shadow = earlier
            break
          }
        }
        findings.unreachable.append((index, shadow))
      }
      earlierFailed.append(formula.negated)
    }
    var solver = Solver()
    switch solver.solve(earlierFailed) {
    case .unsatisfiable:
      break
    case .satisfiable(let found):
      let conditions = formulas.compactMap { $0 }
      let term = found.generalized(uncoveredBy: conditions)
      findings.uncovered =
        RegionDescription.describe(term, from: conditions).map(Uncovered.region) ?? .unknown
    case .unknown:
      findings.uncovered = .unknown
    }
    return findings
  }
}
