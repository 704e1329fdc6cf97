/// `test "name" { as of DATE; given NAME = {…}; expect EXPR … }` in a `*.test.verdant` file.
public struct TestDeclaration: Sendable, Hashable {
  /// `given name = value`.
  public struct Given: Sendable, Hashable {
    /// The input's name.
    public let input: Identifier
    /// Its value (a record literal).
    public let value: Expr

    /// Creates a given.
    public init(input: Identifier, value: Expr) {
      self.input = input
      self.value = value
    }
  }

  /// The test's name.
  public let name: StringLiteral
  /// `as of DATE`: the evaluation date.
  public let asOf: DateLiteral?
  /// The inputs.
  public let givens: [Given]
  /// `expect condition`, in order.
  public let expectations: [Expr]

  /// Creates a test declaration.
  public init(name: StringLiteral, asOf: DateLiteral?, givens: [Given], expectations: [Expr]) {
    self.name = name
    self.asOf = asOf
    self.givens = givens
    self.expectations = expectations
  }
}
