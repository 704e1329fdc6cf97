import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Checks a rule: conditions are Bool, outcomes share one type, no branch is shadowed by
  /// earlier ones, and without `otherwise` the branches must provably cover every case.
  func checkRule(_ rule: RuleDeclaration, annotated: ValueType?) -> (
    rule: CheckedRule, type: ValueType
  ) {
    var failedEarlier = Set<String>()
    var conditions: [TypedExpr?] = []
    var values: [TypedExpr] = []
    for branch in rule.branches {
      var scope = Scope().knowing(failedEarlier)
      var condition: TypedExpr?
      if let syntax = branch.condition {
        let checked = checkCondition(syntax, scope: scope, "as a rule condition")
        scope = scope.knowing(Narrowing.presentWhenTrue(checked))
        failedEarlier.formUnion(Narrowing.presentWhenFalse(checked))
        condition = checked
      }
      conditions.append(condition)
      values.append(check(branch.value, expected: annotated ?? values.first?.type, scope: scope))
    }
    let type: ValueType
    if let annotated {
      type = annotated
    } else {
      var joined = values.first?.type ?? .error
      for value in values.dropFirst() {
        guard let next = join(joined, value.type) else {
          report(
            .mismatchedType(
              "the branches of rule `\(rule.name.name)` have different types, \(joined) and "
                + "\(value.type)", at: value.span,
              help: "annotate the rule's type, e.g. `rule \(rule.name.name): \(joined) { … }`"))
          joined = .error
          break
        }
        joined = next
      }
      type = joined
    }
    let branches = zip(rule.branches, zip(conditions, values)).map { syntax, checked in
      CheckedBranch(
        condition: checked.0,
        value: coerce(checked.1, to: type, "as an outcome of rule `\(rule.name.name)`"),
        reason: syntax.reason?.value, span: syntax.span)
    }
    if !conditions.contains(where: { $0?.type.containsError == true }) {
      reportBranchFindings(rule, conditions)
    }
    return (CheckedRule(branches: branches), type)
  }

  /// Turns the branch analysis into warnings (unreachable branches) and errors (incomplete
  /// rules without `otherwise`).
  func reportBranchFindings(_ rule: RuleDeclaration, _ conditions: [TypedExpr?]) {
    // Branches after a misplaced `otherwise` were already reported by the parser.
    if let position = conditions.firstIndex(where: { $0 == nil }), position != conditions.count - 1
    {
      return
    }
    let findings = BranchAnalysis.analyze(conditions)
    for (index, shadow) in findings.unreachable {
      let branch = rule.branches[index]
      var notes: [DiagnosticNote] = []
      if let shadow {
        let earlier = rule.branches[shadow]
        notes.append(
          DiagnosticNote(
            "every case it matches is matched first by the branch on line "
              + "\(earlier.span.location.line)", at: earlier.condition?.span ?? earlier.span))
      }
      report(
        .unreachableBranch(
          "this branch of rule `\(rule.name.name)` can never fire",
          at: branch.condition?.span ?? branch.span,
          notes: shadow == nil
            ? [DiagnosticNote("the branches before it already match every case it matches")]
            : notes))
    }
    if findings.otherwiseIsUnreachable, let last = rule.branches.last, last.isOtherwise {
      report(
        .unreachableBranch(
          "`otherwise` in rule `\(rule.name.name)` can never fire: the branches above cover "
            + "every case", at: last.span))
    }
    if let uncovered = findings.uncovered, rule.branches.last?.isOtherwise != true {
      let region: String?
      if case .region(let text) = uncovered { region = text } else { region = nil }
      report(.nonExhaustiveRule(rule.name.name, uncovered: region, at: rule.name.span))
    }
  }
}
