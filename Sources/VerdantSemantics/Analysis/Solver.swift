/// Decides whether a conjunction of formulas can hold, by a depth-first search over the
/// disjunctions with pruning on contradictory atoms.
///
/// The search has a step budget; when it runs out the answer is ``Outcome/unknown``, and
/// callers treat "unknown" conservatively (no unreachable warning, no completeness claim).
struct Solver {
  /// The result of a search.
  enum Outcome {
    /// Some values satisfy every formula; the term describes a region of them.
    case satisfiable(Term)
    /// No values satisfy the formulas.
    case unsatisfiable
    /// The budget ran out.
    case unknown
  }

  /// A conjunction of atoms, one constraint per subject, in first-seen order.
  struct Term {
    private(set) var subjects: [Subject] = []
    private(set) var constraints: [String: ValueSet] = [:]

    /// Adds an atom; returns `nil` when the term becomes contradictory.
    func adding(_ subject: Subject, _ set: ValueSet) -> Term? {
      var copy = self
      if let existing = constraints[subject.key] {
        copy.constraints[subject.key] = existing.intersection(set)
      } else {
        copy.subjects.append(subject)
        copy.constraints[subject.key] = set.intersection(subject.domain)
      }
      return copy.constraints[subject.key]?.isEmpty == true ? nil : copy
    }

    /// The constraint on a subject, if the term has one.
    func constraint(on subject: Subject) -> ValueSet? { constraints[subject.key] }
  }

  var budget: Int

  init(budget: Int = 20_000) { self.budget = budget }

  /// Whether all `formulas` can hold at once.
  mutating func solve(_ formulas: [Formula]) -> Outcome {
    var exhausted = false
    let result = search(Term(), formulas[...], exhausted: &exhausted)
    if let result { return .satisfiable(result) }
    return exhausted ? .unknown : .unsatisfiable
  }

  private mutating func search(_ term: Term, _ pending: ArraySlice<Formula>, exhausted: inout Bool)
    -> Term?
  {
    budget -= 1
    if budget < 0 {
      exhausted = true
      return nil
    }
    guard let first = pending.first else { return term }
    let rest = pending.dropFirst()
    switch first {
    case .constant(true):
      return search(term, rest, exhausted: &exhausted)
    case .constant(false):
      return nil
    case .atom(let subject, let set):
      guard let next = term.adding(subject, set) else { return nil }
      return search(next, rest, exhausted: &exhausted)
    case .and(let parts):
      return search(term, (parts + rest)[...], exhausted: &exhausted)
    case .or(let parts):
      for part in parts {
        if let found = search(term, ([part] + rest)[...], exhausted: &exhausted) { return found }
        if exhausted { return nil }
      }
      return nil
    }
  }
}
