/// Unsigned 128-bit helpers shared by the exact decimal operations.
///
/// Kept internal (but inlinable) so the public arithmetic can be specialised into callers
/// while the representation details stay private to this module.
@usableFromInline
enum WideArithmetic {
  // Computed properties over literals rather than stored statics: stored statics are lazily
  // initialised globals, and their one-time-initialisation check would sit on the hot path.

  /// 10^18: one whole unit of `ExactDecimal`.
  @inlinable
  static var scale: UInt128 { 1_000_000_000_000_000_000 }

  /// The largest magnitude an `ExactDecimal` may have (`Int128.max`), so that every value
  /// can be negated without overflow.
  @inlinable
  static var maximumMagnitude: UInt128 { 170_141_183_460_469_231_731_687_303_715_884_105_727 }

  /// 2^63: below this, two magnitudes multiply without leaving 128 bits.
  @inlinable
  static var halfWordLimit: UInt128 { 9_223_372_036_854_775_808 }

  /// Operands up to this value can be multiplied by 10^18 without leaving 128 bits.
  @inlinable
  static var scalableLimit: UInt128 { 340_282_366_920_938_463_463 }

  /// 10^exponent for exponent in 0...38 (the powers that fit in `UInt128`); 0 otherwise.
  ///
  /// - Parameter exponent: The power of ten wanted.
  /// - Returns: The power, or 0 when it is outside 0...38 so callers can detect misuse.
  @inlinable
  static func powerOfTen(_ exponent: Int) -> UInt128 {
    switch exponent {
    case 0: return 1
    case 1: return 10
    case 2: return 100
    case 3: return 1000
    case 4: return 10000
    case 5: return 100000
    case 6: return 1000000
    case 7: return 10000000
    case 8: return 100000000
    case 9: return 1000000000
    case 10: return 10000000000
    case 11: return 100000000000
    case 12: return 1000000000000
    case 13: return 10000000000000
    case 14: return 100000000000000
    case 15: return 1000000000000000
    case 16: return 10000000000000000
    case 17: return 100000000000000000
    case 18: return 1000000000000000000
    case 19: return 10000000000000000000
    case 20: return 100000000000000000000
    case 21: return 1000000000000000000000
    case 22: return 10000000000000000000000
    case 23: return 100000000000000000000000
    case 24: return 1000000000000000000000000
    case 25: return 10000000000000000000000000
    case 26: return 100000000000000000000000000
    case 27: return 1000000000000000000000000000
    case 28: return 10000000000000000000000000000
    case 29: return 100000000000000000000000000000
    case 30: return 1000000000000000000000000000000
    case 31: return 10000000000000000000000000000000
    case 32: return 100000000000000000000000000000000
    case 33: return 1000000000000000000000000000000000
    case 34: return 10000000000000000000000000000000000
    case 35: return 100000000000000000000000000000000000
    case 36: return 1000000000000000000000000000000000000
    case 37: return 10000000000000000000000000000000000000
    case 38: return 100000000000000000000000000000000000000
    default: return 0
    }
  }

  /// Whether a truncated quotient must be incremented under round-half-even.
  ///
  /// - Parameter quotient: The truncated quotient (its parity breaks ties).
  /// - Parameter remainder: The remainder of the division; less than `divisor`.
  /// - Parameter divisor: The non-zero divisor.
  /// - Returns: `true` when the exact quotient is above the half-way point, or exactly on it
  ///   with an odd truncated quotient.
  @inlinable
  static func roundsUpHalfEven(
    quotient: UInt128, remainder: UInt128, divisor: UInt128
  ) -> Bool {
    // Compare against the complement rather than doubling so nothing can overflow.
    let complement = divisor &- remainder
    if remainder > complement { return true }
    if remainder < complement { return false }
    return quotient & 1 == 1
  }

  /// Divides a 256-bit value by a 128-bit divisor, rounding half-even.
  ///
  /// - Parameter high: The upper 128 bits of the dividend.
  /// - Parameter low: The lower 128 bits of the dividend.
  /// - Parameter divisor: A non-zero divisor.
  /// - Returns: The rounded quotient, or `nil` if it does not fit in 128 bits.
  @inlinable
  static func divideHalfEven(high: UInt128, low: UInt128, by divisor: UInt128) -> UInt128? {
    // The quotient fits in 128 bits exactly when the high half is below the divisor.
    guard high < divisor else { return nil }
    let (quotient, remainder): (UInt128, UInt128)
    if high == 0 {
      (quotient, remainder) = low.quotientAndRemainder(dividingBy: divisor)
    } else {
      (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
    }
    if roundsUpHalfEven(quotient: quotient, remainder: remainder, divisor: divisor) {
      let (next, overflow) = quotient.addingReportingOverflow(1)
      return overflow ? nil : next
    }
    return quotient
  }

  /// Multiplies two magnitudes and divides by `divisor`, rounding half-even.
  ///
  /// - Parameter lhs: The first factor.
  /// - Parameter rhs: The second factor.
  /// - Parameter divisor: A non-zero divisor.
  /// - Returns: `lhs × rhs ÷ divisor` rounded half-even, or `nil` if it exceeds 128 bits.
  @inlinable
  static func multiplyDivideHalfEven(
    _ lhs: UInt128, _ rhs: UInt128, dividingBy divisor: UInt128
  ) -> UInt128? {
    if lhs < halfWordLimit && rhs < halfWordLimit {
      // Both below 2^63: the product is below 2^126 and needs no wide arithmetic.
      let product = lhs &* rhs
      let (quotient, remainder) = product.quotientAndRemainder(dividingBy: divisor)
      if roundsUpHalfEven(quotient: quotient, remainder: remainder, divisor: divisor) {
        return quotient &+ 1
      }
      return quotient
    }
    let (high, low) = lhs.multipliedFullWidth(by: rhs)
    return divideHalfEven(high: high, low: low, by: divisor)
  }
}
