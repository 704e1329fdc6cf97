import VerdantSyntax

/// Unary operations, resolved by operand type.
public enum UnaryOperation: Sendable, Hashable {
  /// `-x` on `Int`.
  case negateInt
  /// `-x` on `Decimal` or `Percent`.
  case negateDecimal
  /// `-x` on `Money`.
  case negateMoney
}

/// Binary operations, resolved by operand types. `Percent` shares the decimal operations
/// (both are exact decimals at run time); the static types keep them apart.
public enum BinaryOperation: Sendable, Hashable {
  /// `Int + Int`.
  case addInt
  /// `Int - Int`.
  case subtractInt
  /// `Int * Int`.
  case multiplyInt
  /// `Decimal + Decimal`, `Percent + Percent`.
  case addDecimal
  /// `Decimal - Decimal`, `Percent - Percent`.
  case subtractDecimal
  /// `Decimal * Decimal`, `Percent * Decimal`.
  case multiplyDecimal
  /// `Decimal / Decimal`, `Percent / Decimal`, `Percent / Percent`.
  case divideDecimal
  /// `p of d`: `d * p / 100`.
  case percentOfDecimal
  /// `p of m`: `m * p / 100`.
  case percentOfMoney
  /// `Money + Money` (same currency).
  case addMoney
  /// `Money - Money` (same currency).
  case subtractMoney
  /// `Money * Decimal`.
  case multiplyMoney
  /// `Money / Decimal`.
  case divideMoney
  /// `Money / Money`: a ratio.
  case divideMoneyByMoney
  /// `Date + Duration`.
  case addDuration
  /// `Date - Duration`.
  case subtractDuration
  /// `Text + Text`.
  case concatenate
  /// `List<T> + List<T>`: the left list's elements, then the right's.
  case concatenateLists
  /// An ordered comparison of two values of one ordered type.
  case compare(BinaryOperator, ComparisonKind)
  /// `==` or `!=` on any type (`negated` for `!=`).
  case equal(negated: Bool)
  /// `xs contains x` / `x in xs` on a list or set (operands normalised to collection first).
  case collectionContains
  /// `text contains part`.
  case textContains
  /// `r in R`: the region is `R` or lies below it.
  case regionWithin
}

/// Which representation an ordered comparison works on.
public enum ComparisonKind: Sendable, Hashable {
  /// `Int`.
  case int
  /// `Decimal` or `Percent`.
  case decimal
  /// `Money` (same currency).
  case money
  /// `Text`, by Unicode scalar values.
  case text
  /// `Date`.
  case date
  /// Enum cases, by declaration order.
  case enumeration
  /// `Duration` of compatible units.
  case duration
}
