import VerdantValues

/// The built-in functions, resolved by the checker.
public enum Builtin: Sendable, Hashable {
  /// `count(xs)`: the number of elements.
  case count
  /// `sum(xs)` over `Int`, `Decimal`, `Percent` or `Money` elements.
  case sum
  /// `min(xs)`: the least element of a non-empty collection.
  case minimum
  /// `max(xs)`: the greatest element of a non-empty collection.
  case maximum
  /// `min(a, b, …)`.
  case least
  /// `max(a, b, …)`.
  case greatest
  /// `round(x, n)`, `round_half_even(x, n)`, `floor(x, n)`, `ceil(x, n)`.
  case round(ExactDecimal.RoundingRule)
  /// `abs(x)`.
  case absolute
  /// `years_between(a, b)`: whole years completed from `a` to `b`.
  case yearsBetween
  /// `days_between(a, b)`: days from `a` to `b`, negative if `b` is earlier.
  case daysBetween
  /// `as_percent(0.125)` is `12.5%`.
  case asPercent
  /// `as_ratio(12.5%)` is `0.125`.
  case asRatio
  /// `amount(m)`: the decimal amount of money.
  case amount
  /// `year(d)`.
  case year
  /// `month(d)`.
  case month
  /// `day(d)`.
  case day
  /// `as_of()`: the evaluation's as-of date (what `param`s are selected by).
  case asOf
  /// `parent(r)`: the region directly above `r` (absent for a top-level region).
  case parent
  /// `recognized(code, in: r)`: `code` or a declared equivalent is valid in `r`.
  case recognized
  /// `take(xs, n)`: the first `n` elements of a list (all of them when there are fewer).
  case take
}
