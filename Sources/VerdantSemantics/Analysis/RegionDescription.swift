import VerdantValues

/// Prints analysis results the way authors write them: `green_score.total < 50`,
/// `carbon_reduction in [5%, 10%)`, `grade = C`.
enum RegionDescription {
  /// A term as a comma-separated list of constraints; subjects left unconstrained are omitted.
  /// - Parameters:
  ///   - term: The region to describe.
  ///   - formulas: The formulas the term came from; subjects are listed in the order the author
  ///     first wrote them there.
  static func describe(_ term: Solver.Term, from formulas: [Formula]) -> String? {
    var firstPosition: [String: Int] = [:]
    for formula in formulas { formula.recordPositions(into: &firstPosition) }
    let ordered = term.subjects.sorted {
      (firstPosition[$0.key] ?? $0.position) < (firstPosition[$1.key] ?? $1.position)
    }
    var parts: [String] = []
    for subject in ordered {
      guard let set = term.constraint(on: subject), !set.isAll else { continue }
      parts.append(describe(subject, set))
    }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  /// One subject's constraint.
  static func describe(_ subject: Subject, _ set: ValueSet) -> String {
    let name = subject.display
    switch set {
    case .intervals(let intervals):
      let pieces = intervals.intervals.map { describe(name, $0, type: subject.type) }
      return pieces.joined(separator: " or ")
    case .ordinals(let ordinals, _):
      if let hierarchy = subject.regions {
        let names = regionSummary(ordinals, hierarchy)
        return names.count == 1 && !names[0].hasSuffix(" and below")
          ? "\(name) = \(names[0])" : "\(name) in {\(names.joined(separator: ", "))}"
      }
      guard case .enumeration(let enumType) = subject.type else { return name }
      let names = ordinals.sorted().map { enumType.cases[$0] }
      return names.count == 1
        ? "\(name) = \(names[0])" : "\(name) in {\(names.joined(separator: ", "))}"
    case .booleans(let values):
      if !subject.isOpaque {
        return values == [true] ? "\(name) = true" : "\(name) = false"
      }
      return values == [true] ? "`\(name)` holds" : "`\(name)` does not hold"
    case .texts(let texts, let isComplement):
      let quoted = texts.sorted().map { "\"\($0)\"" }
      if isComplement {
        return quoted.count == 1
          ? "\(name) != \(quoted[0])" : "\(name) not in {\(quoted.joined(separator: ", "))}"
      }
      return quoted.count == 1
        ? "\(name) = \(quoted[0])" : "\(name) in {\(quoted.joined(separator: ", "))}"
    }
  }

  /// A set of regions as the fewest subtrees: `CN-ZJ and below`, `CN-SD`, in declaration order.
  static func regionSummary(_ members: Set<Int>, _ hierarchy: RegionHierarchy) -> [String] {
    var names: [String] = []
    for index in hierarchy.codes.indices where members.contains(index) {
      // Skip regions whose parent already covers them with its whole subtree.
      if let parent = hierarchy.parents[index], members.contains(parent),
        subtreeIncluded(parent, members, hierarchy)
      {
        continue
      }
      let hasChildren = hierarchy.parents.contains(index)
      names.append(
        hasChildren && subtreeIncluded(index, members, hierarchy)
          ? "\(hierarchy.codes[index]) and below" : hierarchy.codes[index])
    }
    return names
  }

  private static func subtreeIncluded(_ root: Int, _ members: Set<Int>, _ hierarchy: RegionHierarchy)
    -> Bool
  {
    hierarchy.codes.indices.allSatisfy { !hierarchy.isWithin($0, root) || members.contains($0) }
  }

  /// One interval: `x < 5`, `x >= 5`, `x = 5`, or `x in [5, 10)`.
  static func describe(_ name: String, _ interval: Interval, type: ValueType) -> String {
    let interval = halfOpen(interval, type: type)
    switch (interval.lower, interval.upper) {
    case (nil, nil): return "\(name) is any value"
    case (nil, let upper?):
      return "\(name) \(upper.isClosed ? "<=" : "<") \(format(upper.value, type))"
    case (let lower?, nil):
      return "\(name) \(lower.isClosed ? ">=" : ">") \(format(lower.value, type))"
    case (let lower?, let upper?):
      if lower.value == upper.value { return "\(name) = \(format(lower.value, type))" }
      return "\(name) in \(intervalText(interval, type: type))"
    }
  }

  /// On whole-number domains (`Int`, `Date`), prints closed upper ends as open ones one step
  /// higher, matching the language's half-open `a ..< b`: `x < 0` rather than `x <= -1`, and
  /// `< 2025-01-01` rather than `<= 2024-12-31`. Single values stay as they are.
  static func halfOpen(_ interval: Interval, type: ValueType) -> Interval {
    guard type == .int || type == .date, let upper = interval.upper, upper.isClosed,
      interval.lower?.value != upper.value
    else { return interval }
    return Interval(lower: interval.lower, upper: Bound(upper.value.plusOne, closed: false))
  }

  /// `[0.6, 0.7)` in mathematical notation.
  static func intervalText(_ interval: Interval, type: ValueType) -> String {
    let open = interval.lower.map { $0.isClosed ? "[" : "(" } ?? "("
    let close = interval.upper.map { $0.isClosed ? "]" : ")" } ?? ")"
    let low = interval.lower.map { format($0.value, type) } ?? "-inf"
    let high = interval.upper.map { format($0.value, type) } ?? "+inf"
    return "\(open)\(low), \(high)\(close)"
  }

  /// A number-line position printed as a value of the subject's type.
  static func format(_ value: ExactDecimal, _ type: ValueType) -> String {
    switch type {
    case .percent: return "\(value)%"
    case .money(let currency?): return "\(value) \(currency.code)"
    case .date:
      if let days = value.int64Value, let date = CivilDate(daysSinceEpoch: Int32(clamping: days)) {
        return date.description
      }
      return value.description
    default: return value.description
    }
  }
}
