extension ExactDecimal {
  /// How to choose between the two candidates when a value is rounded.
  public enum RoundingRule: Sendable, Hashable, CaseIterable {
    /// To the nearest candidate; ties go to the even one (banker's rounding).
    case halfEven
    /// To the nearest candidate; ties go away from zero (commercial rounding).
    case halfAwayFromZero
    /// To the candidate nearer zero (truncation).
    case towardZero
    /// To the smaller candidate (floor).
    case down
    /// To the larger candidate (ceiling).
    case up
  }

  /// Rounds to a number of fraction digits.
  ///
  /// - Parameter places: The fraction digits to keep, clamped to `0...18`.
  /// - Parameter rule: How to resolve values between two candidates.
  /// - Returns: The rounded value.
  /// - Throws: `ArithmeticError.overflow` when rounding away from zero passes `maximum` or
  ///   `minimum`. That only happens within one step of the kept place from the bounds, but
  ///   it does happen (`maximum` rounded up to 0 places would be 170141183460469231732, and
  ///   even half-even to 17 places rounds its final 7 up), so the operation must throw.
  @inlinable
  public func rounded(toPlaces places: Int, rule: RoundingRule) throws(ArithmeticError)
    -> ExactDecimal
  {
    let kept = min(max(places, 0), ExactDecimal.fractionDigits)
    if kept == ExactDecimal.fractionDigits { return self }
    let step = WideArithmetic.powerOfTen(ExactDecimal.fractionDigits - kept)
    let negative = units < 0
    let (quotient, remainder) = units.magnitude.quotientAndRemainder(dividingBy: step)
    if remainder == 0 { return self }
    let awayFromZero: Bool
    switch rule {
    case .halfEven:
      awayFromZero = WideArithmetic.roundsUpHalfEven(
        quotient: quotient, remainder: remainder, divisor: step)
    case .halfAwayFromZero:
      awayFromZero = remainder >= step &- remainder
    case .towardZero:
      awayFromZero = false
    case .down:
      awayFromZero = negative
    case .up:
      awayFromZero = !negative
    }
    let roundedQuotient = awayFromZero ? quotient &+ 1 : quotient
    let (magnitude, overflow) = roundedQuotient.multipliedReportingOverflow(by: step)
    guard !overflow, magnitude <= WideArithmetic.maximumMagnitude else { throw .overflow }
    return ExactDecimal(negative: negative, magnitude: magnitude)
  }

  /// The integral part, truncated toward zero, if it fits in `Int64`.
  ///
  /// - Returns: The whole part of the value, or `nil` when it is outside `Int64`'s range.
  @inlinable
  public func truncatedInt64() -> Int64? {
    Int64(exactly: units / Int128(WideArithmetic.scale))
  }
}
