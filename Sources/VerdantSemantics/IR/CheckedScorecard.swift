import VerdantSyntax
import VerdantValues

/// A checked scorecard: characteristics with bins, a baseline, and the record type of its
/// value (`total`, `points`, `reasons`).
public struct CheckedScorecard: Sendable {
  /// The value's record type: `total: Decimal`, `points: <per characteristic>`,
  /// `reasons: List<Text>`.
  public let valueType: RecordType
  /// The record type of `points`, one `Decimal` field per characteristic.
  public let pointsType: RecordType
  /// Points added to every total.
  public let baseline: ExactDecimal
  /// The characteristics in order.
  public let characteristics: [CheckedCharacteristic]

  /// Creates a checked scorecard.
  public init(
    valueType: RecordType, pointsType: RecordType, baseline: ExactDecimal,
    characteristics: [CheckedCharacteristic]
  ) {
    self.valueType = valueType
    self.pointsType = pointsType
    self.baseline = baseline
    self.characteristics = characteristics
  }
}

/// One characteristic: its value is computed once into a local, then the bins test it in order.
public struct CheckedCharacteristic: Sendable {
  /// The name its points are reported under.
  public let name: String
  /// The characteristic's value.
  public let subject: TypedExpr
  /// The local slot holding the value while the bins are tested.
  public let local: LocalID
  /// The weight multiplying the points (1 when none is written).
  public let weight: ExactDecimal
  /// The bins in order; the first that applies counts.
  public let bins: [CheckedBin]
  /// The most weighted points any bin earns, the reference for "points lost".
  public let maximum: ExactDecimal
  /// Where the characteristic was written.
  public let span: Span

  /// Creates a checked characteristic.
  public init(
    name: String, subject: TypedExpr, local: LocalID, weight: ExactDecimal, bins: [CheckedBin],
    maximum: ExactDecimal, span: Span
  ) {
    self.name = name
    self.subject = subject
    self.local = local
    self.weight = weight
    self.bins = bins
    self.maximum = maximum
    self.span = span
  }
}

/// One checked bin.
public struct CheckedBin: Sendable {
  /// The condition over the characteristic's local, or `nil` for `otherwise`.
  public let condition: TypedExpr?
  /// The points earned (before the weight).
  public let points: ExactDecimal
  /// The reason code, if any.
  public let reason: String?
  /// The bin's condition as written, for explanations (`0.3 ..< 0.6`).
  public let text: String
  /// Where the bin was written.
  public let span: Span

  /// Creates a checked bin.
  public init(condition: TypedExpr?, points: ExactDecimal, reason: String?, text: String, span: Span) {
    self.condition = condition
    self.points = points
    self.reason = reason
    self.text = text
    self.span = span
  }
}
