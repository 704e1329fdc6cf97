/// One problem with input data, located by its JSON path (`$.supplier.revenue.currency`).
public struct InputIssue: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where the problem is, as a JSONPath from the input document's root.
  public let path: String
  /// What is wrong, lowercase, one line.
  public let message: String

  /// Creates an issue.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `"$.supplier.revenue: expected Money …"`.
  public var description: String { "\(path): \(message)" }
}

/// Every problem found in one input document; decoding reports them all at once.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems, in document order.
  public let issues: [InputIssue]

  /// Creates an error from its issues.
  public init(issues: [InputIssue]) { self.issues = issues }

  /// One line per issue.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
