import Verdant

/// Compiles ruleset text, with optional imported files, for tests.
/// - Throws: ``CompilationError`` when the ruleset has errors.
public func compileForTest(_ source: String, imports: [String: String] = [:]) throws
  -> CompiledRuleset
{
  try Ruleset.compile(
    source: source, path: "test.verdant", loader: InMemorySourceLoader(files: imports))
}

/// Compiles and evaluates ruleset text on a JSON input document.
/// - Parameters:
///   - source: The ruleset.
///   - json: The input document.
///   - asOf: The as-of date, `YYYY-MM-DD`.
///   - outputs: Output names, or `nil` for the defaults.
/// - Throws: Compilation, input or evaluation errors.
public func evaluateForTest(
  _ source: String, json: String, asOf: String = "2025-09-01", outputs: [String]? = nil
) throws -> EvaluationResult {
  let ruleset = try compileForTest(source)
  guard let date = CivilDate(iso8601: asOf) else {
    throw InputError(issues: [InputIssue(path: "as-of", message: "invalid date \(asOf)")])
  }
  return try ruleset.evaluate(json: Array(json.utf8), asOf: date, outputs: outputs)
}
