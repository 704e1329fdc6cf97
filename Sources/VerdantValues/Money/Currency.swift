/// A three-letter currency code such as `EUR`.
///
/// Any three uppercase ASCII letters are accepted so that policies can name private or
/// newly issued codes; `isISO4217` tells whether the code is in the active ISO 4217 list.
/// The letters are packed into one `UInt32` so that `Money` stays small and comparisons
/// are a single integer compare.
public struct Currency: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The three letters, the first in bits 16...23, so integer order is alphabetical order.
  @usableFromInline
  let packed: UInt32

  /// Creates a currency from a code of exactly three ASCII uppercase letters.
  ///
  /// - Parameter code: The code, for example `"USD"`.
  /// - Returns: `nil` if the code is not exactly three letters `A`...`Z`.
  public init?(code: some StringProtocol) {
    var packed: UInt32 = 0
    var count = 0
    for byte in code.utf8 {
      guard count < 3, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else {
        return nil
      }
      packed = packed << 8 | UInt32(byte)
      count += 1
    }
    guard count == 3 else { return nil }
    self.packed = packed
  }

  /// Creates a currency from an already validated packed code.
  init(packed: UInt32) {
    self.packed = packed
  }

  /// The three-letter code.
  public var code: String {
    String(unsafeUninitializedCapacity: 3) { buffer in
      buffer[0] = UInt8(truncatingIfNeeded: packed >> 16)
      buffer[1] = UInt8(truncatingIfNeeded: packed >> 8)
      buffer[2] = UInt8(truncatingIfNeeded: packed)
      return 3
    }
  }

  /// The code, so currencies print as `EUR`.
  public var description: String { code }

  /// Orders currencies alphabetically by code.
  ///
  /// - Parameter lhs: The left operand.
  /// - Parameter rhs: The right operand.
  /// - Returns: Whether `lhs`'s code sorts before `rhs`'s.
  @inlinable
  public static func < (lhs: Currency, rhs: Currency) -> Bool {
    lhs.packed < rhs.packed
  }
}
