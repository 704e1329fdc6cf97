import VerdantSemantics
import VerdantValues

/// Why an evaluation produced its outputs: for each output, the branch, bins or rows that
/// decided it, the values it read, the parameter versions it used and its reasons.
public struct Explanation: Sendable {
  /// One explanation per requested output, in output order.
  public let outputs: [DeclarationExplanation]
  /// Every parameter read during the evaluation, with the version used, by name.
  public let parameters: [ParameterUse]

  /// The explanation of one output by name.
  public subscript(name: String) -> DeclarationExplanation? {
    outputs.first { $0.name == name }
  }
}

/// How one declaration got its value.
public struct DeclarationExplanation: Sendable {
  /// The declaration's name.
  public let name: String
  /// `let`, `rule`, `param`, `scorecard`, `table` or `input`.
  public let kind: String
  /// Its value.
  public let value: Value
  /// What decided the value.
  public let decision: Decision
  /// The named values it read while deciding (for a rule, while testing the branch that fired
  /// and computing its outcome), in first-read order.
  public let reads: [ReadValue]
  /// Parameters it read, with the versions used.
  public let parameters: [ParameterUse]
  /// Reasons attached to the outcome (`because`, scorecard reason codes, row reasons).
  public let reasons: [String]
  /// Regional standards it used: which declaration applied and the fallbacks taken.
  public let standards: [StandardUse]
}

/// One use of a regional standard.
public struct StandardUse: Sendable {
  /// The standard's name.
  public let name: String
  /// The region it was asked for.
  public let region: String
  /// The region of the declaration that gave the value.
  public let appliedIn: String
  /// More specific declarations skipped because their catalog had no row (region and reason).
  public let fallbacks: [String]
  /// The value it gave.
  public let value: Value
}

/// What decided a declaration's value.
public enum Decision: Sendable {
  /// An input value.
  case input
  /// A `let`, computed from the values it read.
  case computed
  /// A parameter's version in effect on the as-of date.
  case parameter(version: CivilDate)
  /// The rule branch that fired (1-based), with its condition as written (`nil` for
  /// `otherwise`) and its line.
  case branch(number: Int, condition: String?, line: Int)
  /// A scorecard: the bin of each characteristic, and the baseline.
  case scorecard(baseline: ExactDecimal, characteristics: [CharacteristicOutcome])
  /// A decision table: the rows that matched (for `first`, `unique` and `any` the deciding
  /// row; for `priority` and `collect`, every matching row, with the chosen one first for
  /// `priority`).
  case table(policy: String, rows: [RowOutcome])
}

/// The bin a characteristic's value fell into.
public struct CharacteristicOutcome: Sendable {
  /// The characteristic's name.
  public let name: String
  /// Its value.
  public let value: Value
  /// The bin's condition as written (`0.3 ..< 0.6`, `otherwise`), 1-based number and line.
  public let bin: String
  /// The bin's number among the characteristic's bins (1-based).
  public let binNumber: Int
  /// The line of the bin.
  public let line: Int
  /// The points earned (after the weight).
  public let points: ExactDecimal
  /// The most points the characteristic can earn.
  public let maximum: ExactDecimal
  /// The bin's reason code, if any.
  public let reason: String?
}

/// A table row that matched.
public struct RowOutcome: Sendable {
  /// The row's number (1-based).
  public let number: Int
  /// The row's cells as written (`A, B | >= 10% | -`).
  public let cells: String
  /// The row's line.
  public let line: Int
  /// The row's output.
  public let output: Value
  /// The row's reason, if any.
  public let reason: String?
}

/// A named value read during evaluation, named as written (`green_score.total`).
public struct ReadValue: Sendable {
  /// The expression as written.
  public let name: String
  /// The value read.
  public let value: Value
}

/// A parameter read, with the version in effect.
public struct ParameterUse: Sendable, Hashable {
  /// The parameter's name.
  public let name: String
  /// The first day of the version used.
  public let version: CivilDate
  /// The value used.
  public let value: Value
}
