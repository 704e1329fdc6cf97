/// An exact amount in one currency.
///
/// Operations that combine two amounts require the same currency; there is deliberately no
/// implicit conversion, because exchange rates are policy data, not arithmetic.
public struct Money: Sendable, Hashable, CustomStringConvertible {
  /// The exact amount.
  public let amount: ExactDecimal
  /// The currency the amount is in.
  public let currency: Currency

  /// Creates an amount of money.
  ///
  /// - Parameter amount: The exact amount.
  /// - Parameter currency: Its currency.
  @inlinable
  public init(amount: ExactDecimal, currency: Currency) {
    self.amount = amount
    self.currency = currency
  }

  /// The amount then the code, such as `1200.5 CNY`.
  public var description: String { "\(amount) \(currency)" }

  /// Adds an amount in the same currency.
  ///
  /// - Parameter other: The amount to add.
  /// - Returns: The exact sum.
  /// - Throws: `MoneyError.currencyMismatch` if the currencies differ,
  ///   `MoneyError.arithmetic(.overflow)` if the sum is out of range.
  @inlinable
  public func adding(_ other: Money) throws(MoneyError) -> Money {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
    do {
      return Money(amount: try amount.adding(other.amount), currency: currency)
    } catch {
      throw .arithmetic(error)
    }
  }

  /// Subtracts an amount in the same currency.
  ///
  /// - Parameter other: The amount to subtract.
  /// - Returns: The exact difference.
  /// - Throws: `MoneyError.currencyMismatch` if the currencies differ,
  ///   `MoneyError.arithmetic(.overflow)` if the difference is out of range.
  @inlinable
  public func subtracting(_ other: Money) throws(MoneyError) -> Money {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
    do {
      return Money(amount: try amount.subtracting(other.amount), currency: currency)
    } catch {
      throw .arithmetic(error)
    }
  }

  /// Scales the amount, keeping the currency.
  ///
  /// - Parameter factor: The factor.
  /// - Returns: The product, rounded half-even to 18 fraction digits.
  /// - Throws: `ArithmeticError.overflow` if the product is out of range.
  @inlinable
  public func multiplied(by factor: ExactDecimal) throws(ArithmeticError) -> Money {
    Money(amount: try amount.multiplied(by: factor), currency: currency)
  }

  /// Divides the amount, keeping the currency.
  ///
  /// - Parameter divisor: The divisor.
  /// - Returns: The quotient, rounded half-even to 18 fraction digits.
  /// - Throws: `ArithmeticError.divisionByZero` or `ArithmeticError.overflow`.
  @inlinable
  public func divided(by divisor: ExactDecimal) throws(ArithmeticError) -> Money {
    Money(amount: try amount.divided(by: divisor), currency: currency)
  }

  /// The dimensionless ratio of two amounts in the same currency.
  ///
  /// - Parameter other: The denominator.
  /// - Returns: `self.amount / other.amount`, rounded half-even to 18 fraction digits.
  /// - Throws: `MoneyError.currencyMismatch` if the currencies differ,
  ///   `MoneyError.arithmetic` for division by zero or overflow.
  @inlinable
  public func ratio(to other: Money) throws(MoneyError) -> ExactDecimal {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
    do {
      return try amount.divided(by: other.amount)
    } catch {
      throw .arithmetic(error)
    }
  }

  /// Compares two amounts in the same currency.
  ///
  /// `Money` is not `Comparable` because amounts in different currencies have no order.
  ///
  /// - Parameter other: The amount to compare with.
  /// - Returns: -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
  /// - Throws: `MoneyError.currencyMismatch` if the currencies differ.
  @inlinable
  public func compare(to other: Money) throws(MoneyError) -> Int {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
    return amount < other.amount ? -1 : (amount == other.amount ? 0 : 1)
  }
}
