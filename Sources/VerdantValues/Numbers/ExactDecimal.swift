/// An exact fixed-point decimal number with 18 fraction digits.
///
/// The value is `units / 10^18`. Binary floating point is never involved, so decimal
/// literals such as `0.1` are represented exactly and `0.1 + 0.2 == 0.3` holds. The range is
/// symmetric (`minimum == -maximum`) so negation and `magnitude` can never overflow.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The number of digits after the decimal point that every value carries.
  public static let fractionDigits: Int = 18

  /// The value multiplied by 10^18; never `Int128.min`.
  public let units: Int128

  /// Creates a value from its raw units (value × 10^18).
  ///
  /// - Parameter units: The scaled value. `Int128.min` is not allowed (it traps) because the
  ///   range is kept symmetric so that negation never overflows.
  @inlinable
  public init(units: Int128) {
    precondition(units != .min, "ExactDecimal units must not be Int128.min")
    self.units = units
  }

  /// Creates a value from units already known to be in range.
  @inlinable
  init(checkedUnits units: Int128) {
    self.units = units
  }

  /// Creates the exact value of an integer.
  ///
  /// - Parameter value: Any `Int64`; every one fits, since the range exceeds ±1.7 × 10^20.
  @inlinable
  public init(_ value: Int64) {
    self.units = Int128(value) &* Int128(WideArithmetic.scale)
  }

  /// Zero.
  public static let zero = ExactDecimal(checkedUnits: 0)

  /// One.
  public static let one = ExactDecimal(checkedUnits: Int128(WideArithmetic.scale))

  /// The largest representable value, 170141183460469231731.687303715884105727.
  public static let maximum = ExactDecimal(checkedUnits: .max)

  /// The smallest representable value, the negation of `maximum`.
  public static let minimum = ExactDecimal(checkedUnits: -.max)

  /// Whether the value is zero.
  @inlinable
  public var isZero: Bool { units == 0 }

  /// Whether the value is below zero.
  @inlinable
  public var isNegative: Bool { units < 0 }

  /// Whether the value has no fractional part.
  @inlinable
  public var isInteger: Bool { units % Int128(WideArithmetic.scale) == 0 }

  /// The value as an `Int64` when it is integral and fits, otherwise `nil`.
  @inlinable
  public var int64Value: Int64? {
    let (whole, fraction) = units.quotientAndRemainder(dividingBy: Int128(WideArithmetic.scale))
    guard fraction == 0 else { return nil }
    return Int64(exactly: whole)
  }

  /// The absolute value; cannot overflow because `minimum == -maximum`.
  @inlinable
  public var magnitude: ExactDecimal { ExactDecimal(checkedUnits: units < 0 ? -units : units) }

  /// Orders values numerically.
  ///
  /// - Parameter lhs: The left operand.
  /// - Parameter rhs: The right operand.
  /// - Returns: Whether `lhs` is smaller than `rhs`.
  @inlinable
  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    lhs.units < rhs.units
  }

  /// The shortest exact decimal text, such as `0.2`, `3` or `-12.5`.
  ///
  /// Never uses exponent notation or trailing fraction zeros, so the text parses back to the
  /// same value and equal values always print identically.
  public var description: String {
    let negative = units < 0
    let magnitude = units.magnitude
    let (whole, fraction) = magnitude.quotientAndRemainder(dividingBy: WideArithmetic.scale)
    // The whole part is below 2^128 / 10^18 < 10^21, so it splits into a head below 100
    // and a 19-digit tail that fits in `UInt64`, avoiding slow 128-bit division per digit.
    let tailScale: UInt128 = 10_000_000_000_000_000_000
    let (head, tail) = whole.quotientAndRemainder(dividingBy: tailScale)
    var fractionDigits = UInt64(fraction)
    var fractionCount = fractionDigits == 0 ? 0 : ExactDecimal.fractionDigits
    while fractionCount > 0 && fractionDigits % 10 == 0 {
      fractionDigits /= 10
      fractionCount -= 1
    }
    return String(unsafeUninitializedCapacity: 48) { buffer in
      var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
      return withUnsafeMutableBytes(of: &scratch) { raw in
        // Digits are produced right to left into scratch space, then copied out.
        var position = raw.count
        func push(_ byte: UInt8) {
          position -= 1
          raw[position] = byte
        }
        if fractionCount > 0 {
          for _ in 0..<fractionCount {
            push(UInt8(truncatingIfNeeded: fractionDigits % 10) &+ 0x30)
            fractionDigits /= 10
          }
          push(0x2E)
        }
        var low = UInt64(tail)
        if head == 0 {
          repeat {
            push(UInt8(truncatingIfNeeded: low % 10) &+ 0x30)
            low /= 10
          } while low != 0
        } else {
          for _ in 0..<19 {
            push(UInt8(truncatingIfNeeded: low % 10) &+ 0x30)
            low /= 10
          }
          var high = UInt64(head)
          repeat {
            push(UInt8(truncatingIfNeeded: high % 10) &+ 0x30)
            high /= 10
          } while high != 0
        }
        if negative { push(0x2D) }
        let length = raw.count - position
        for offset in 0..<length {
          buffer[offset] = raw[position + offset]
        }
        return length
      }
    }
  }
}
