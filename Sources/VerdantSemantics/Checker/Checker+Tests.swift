import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Checks the `test` blocks of the main file: a date, a constant value for every input, and
  /// Bool expectations over the ruleset's declarations.
  func checkTests() -> [CheckedTest] {
    guard let main = units.last, main.file === mainFile else { return [] }
    var tests: [CheckedTest] = []
    var names: [String: Span] = [:]
    for declaration in main.declarations {
      guard case .test(let test) = declaration.kind else { continue }
      if let first = names[test.name.value] {
        report(.duplicateMember("test", test.name.value, at: test.name.span, first: first))
      }
      names[test.name.value] = test.name.span
      if let checked = checkTest(test, span: declaration.span) { tests.append(checked) }
    }
    return tests
  }

  private func checkTest(_ test: TestDeclaration, span: Span) -> CheckedTest? {
    let asOf = test.asOf.flatMap { CivilDate(iso8601: $0.text) }
    if test.asOf == nil {
      report(
        .invalidTest(
          "test \"\(test.name.value)\" has no date", at: test.name.span,
          help: "add `as of YYYY-MM-DD` so the test gives the same result every day"))
    }
    let inputNames = declarations.indices.filter {
      if case .input = declarations[$0].syntax.kind { return true }
      return false
    }
    var inputs: [(declaration: DeclarationID, value: Value)] = []
    var given = Set<Int>()
    for entry in test.givens {
      guard case .declaration(let index)? = symbols[entry.input.name],
        inputNames.contains(index)
      else {
        report(
          .invalidTest(
            "`\(entry.input.name)` is not an input of the ruleset", at: entry.input.span,
            help: NameSuggestion.closest(
              to: entry.input.name, among: inputNames.map { declarations[$0].name.name }
            ).map { "did you mean `\($0)`?" }))
        continue
      }
      if !given.insert(index).inserted {
        report(.invalidTest("input `\(entry.input.name)` is given twice", at: entry.input.span))
        continue
      }
      let type = declarations[index].type ?? .error
      let value = coerce(
        check(entry.value, expected: type, scope: Scope()), to: type,
        "as the value of input `\(entry.input.name)`")
      if value.type == .error { continue }
      guard let constant = Self.constantValue(of: value) else {
        report(
          .invalidTest(
            "given values must be constants", at: entry.value.span,
            help: "write the input as a literal record, e.g. `{ id: \"S-1\", … }`"))
        continue
      }
      inputs.append((DeclarationID(index), constant))
    }
    for index in inputNames where !given.contains(index) {
      report(
        .invalidTest(
          "test \"\(test.name.value)\" gives no value for input `\(declarations[index].name.name)`",
          at: test.name.span, help: "add `given \(declarations[index].name.name) = { … }`"))
    }
    var expectations: [CheckedTest.Expectation] = []
    for syntax in test.expectations {
      let condition = checkCondition(syntax, scope: Scope(), "after `expect`")
      var sides: (actual: TypedExpr, expected: TypedExpr)?
      switch condition.kind {
      case .binary(.compare(.equal, _), let actual, let expected),
        .binary(.equal(negated: false), let actual, let expected):
        sides = (actual, expected)
      default:
        sides = nil
      }
      expectations.append(CheckedTest.Expectation(condition: condition, sides: sides))
    }
    guard let asOf else { return nil }
    return CheckedTest(
      name: test.name.value, asOf: asOf, inputs: inputs, expectations: expectations, span: span)
  }
}
