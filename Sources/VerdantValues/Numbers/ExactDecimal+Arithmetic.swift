extension ExactDecimal {
  /// Adds two values exactly.
  ///
  /// - Parameter other: The value to add.
  /// - Returns: The exact sum.
  /// - Throws: `ArithmeticError.overflow` if the sum is outside `minimum...maximum`.
  @inlinable
  public func adding(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    let (sum, overflow) = units.addingReportingOverflow(other.units)
    // Int128.min is representable in Int128 but excluded from the symmetric range.
    guard !overflow, sum != .min else { throw .overflow }
    return ExactDecimal(checkedUnits: sum)
  }

  /// Subtracts a value exactly.
  ///
  /// - Parameter other: The value to subtract.
  /// - Returns: The exact difference.
  /// - Throws: `ArithmeticError.overflow` if the difference is outside `minimum...maximum`.
  @inlinable
  public func subtracting(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    let (difference, overflow) = units.subtractingReportingOverflow(other.units)
    guard !overflow, difference != .min else { throw .overflow }
    return ExactDecimal(checkedUnits: difference)
  }

  /// Multiplies two values, rounding half-even to 18 fraction digits.
  ///
  /// - Parameter other: The factor.
  /// - Returns: The product rounded half-even.
  /// - Throws: `ArithmeticError.overflow` if the rounded product is out of range.
  @inlinable
  public func multiplied(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    guard
      let magnitude = WideArithmetic.multiplyDivideHalfEven(
        units.magnitude, other.units.magnitude, dividingBy: WideArithmetic.scale),
      magnitude <= WideArithmetic.maximumMagnitude
    else { throw .overflow }
    return ExactDecimal(negative: (units < 0) != (other.units < 0), magnitude: magnitude)
  }

  /// Multiplies by an integer exactly.
  ///
  /// - Parameter other: The integer factor.
  /// - Returns: The exact product.
  /// - Throws: `ArithmeticError.overflow` if the product is out of range.
  @inlinable
  public func multiplied(by other: Int64) throws(ArithmeticError) -> ExactDecimal {
    let (product, overflow) = units.multipliedReportingOverflow(by: Int128(other))
    guard !overflow, product != .min else { throw .overflow }
    return ExactDecimal(checkedUnits: product)
  }

  /// Divides by a value, rounding the quotient half-even to 18 fraction digits.
  ///
  /// - Parameter other: The divisor.
  /// - Returns: The quotient rounded half-even.
  /// - Throws: `ArithmeticError.divisionByZero` if `other` is zero;
  ///   `ArithmeticError.overflow` if the rounded quotient is out of range.
  @inlinable
  public func divided(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    guard other.units != 0 else { throw .divisionByZero }
    let dividend = units.magnitude
    let divisor = other.units.magnitude
    let magnitude: UInt128
    if dividend <= WideArithmetic.scalableLimit {
      // dividend × 10^18 fits in 128 bits: one native-width division.
      let scaled = dividend &* WideArithmetic.scale
      let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
      let roundsUp = WideArithmetic.roundsUpHalfEven(
        quotient: quotient, remainder: remainder, divisor: divisor)
      magnitude = roundsUp ? quotient &+ 1 : quotient
    } else if divisor <= WideArithmetic.scalableLimit {
      // Split the dividend: (q·d + r)·10^18 / d = q·10^18 + r·10^18 / d, and r < d keeps
      // r·10^18 within 128 bits, so large dividends avoid 256-bit division too.
      let (wholeQuotient, wholeRemainder) = dividend.quotientAndRemainder(dividingBy: divisor)
      let scaled = wholeRemainder &* WideArithmetic.scale
      let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
      let roundsUp = WideArithmetic.roundsUpHalfEven(
        quotient: quotient, remainder: remainder, divisor: divisor)
      let (high, highOverflow) = wholeQuotient.multipliedReportingOverflow(
        by: WideArithmetic.scale)
      let (sum, sumOverflow) = high.addingReportingOverflow(roundsUp ? quotient &+ 1 : quotient)
      guard !highOverflow, !sumOverflow else { throw .overflow }
      magnitude = sum
    } else {
      let (high, low) = dividend.multipliedFullWidth(by: WideArithmetic.scale)
      guard let quotient = WideArithmetic.divideHalfEven(high: high, low: low, by: divisor)
      else { throw .overflow }
      magnitude = quotient
    }
    guard magnitude <= WideArithmetic.maximumMagnitude else { throw .overflow }
    return ExactDecimal(negative: (units < 0) != (other.units < 0), magnitude: magnitude)
  }

  /// Divides by an integer, rounding the quotient half-even to 18 fraction digits.
  ///
  /// - Parameter other: The integer divisor.
  /// - Returns: The quotient rounded half-even.
  /// - Throws: `ArithmeticError.divisionByZero` if `other` is zero. Never overflows for a
  ///   non-zero divisor, since the magnitude cannot grow.
  @inlinable
  public func divided(by other: Int64) throws(ArithmeticError) -> ExactDecimal {
    guard other != 0 else { throw .divisionByZero }
    let divisor = UInt128(other.magnitude)
    let (quotient, remainder) = units.magnitude.quotientAndRemainder(dividingBy: divisor)
    let roundsUp = WideArithmetic.roundsUpHalfEven(
      quotient: quotient, remainder: remainder, divisor: divisor)
    // Rounding up can only reach the dividend's own magnitude, which is already in range.
    let magnitude = roundsUp ? quotient &+ 1 : quotient
    return ExactDecimal(negative: (units < 0) != (other < 0), magnitude: magnitude)
  }

  /// Negates the value.
  ///
  /// - Returns: The value with the opposite sign.
  /// - Throws: Never in practice: the range is symmetric. The signature stays throwing so
  ///   callers treat it like every other arithmetic operation.
  @inlinable
  public func negated() throws(ArithmeticError) -> ExactDecimal {
    ExactDecimal(checkedUnits: -units)
  }

  /// Builds a value from a sign and a magnitude already checked against `maximumMagnitude`.
  @inlinable
  init(negative: Bool, magnitude: UInt128) {
    let value = Int128(truncatingIfNeeded: magnitude)
    self.init(checkedUnits: negative ? -value : value)
  }
}
