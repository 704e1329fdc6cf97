/// Why a JSON document was rejected, and where.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was wrong, lowercase without a final period, saying what was expected.
  public let message: String
  /// The 1-based line of the problem.
  public let line: Int
  /// The 1-based column of the problem, counted in Unicode scalars.
  public let column: Int
  /// The 0-based byte offset of the problem.
  public let offset: Int

  /// Creates an error.
  ///
  /// - Parameter message: What was wrong.
  /// - Parameter line: The 1-based line.
  /// - Parameter column: The 1-based column in Unicode scalars.
  /// - Parameter offset: The 0-based byte offset.
  public init(message: String, line: Int, column: Int, offset: Int) {
    self.message = message
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// The position and message, such as
  /// `line 3, column 14: expected `,` or `}` after an object member`.
  public var description: String { "line \(line), column \(column): \(message)" }
}
