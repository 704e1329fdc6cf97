/// Limits that bound the work and memory an XML catalog can cost, whatever the document holds.
public struct XMLLimits: Sendable, Hashable {
  /// The most levels of nested elements allowed (libxml2 itself stops at 256).
  public var maximumDepth: Int
  /// The longest field value accepted, in UTF-8 bytes.
  public var maximumValueLength: Int
  /// The most errors collected before the import stops.
  public var maximumErrors: Int

  /// The defaults: depth 256, values up to 1 MiB, 20 errors.
  public static let `default` = XMLLimits()

  /// Creates limits.
  /// - Parameters:
  ///   - maximumDepth: The most levels of nested elements.
  ///   - maximumValueLength: The longest field value, in UTF-8 bytes.
  ///   - maximumErrors: The most errors reported before the import stops.
  public init(maximumDepth: Int = 256, maximumValueLength: Int = 1 << 20, maximumErrors: Int = 20) {
    self.maximumDepth = maximumDepth
    self.maximumValueLength = maximumValueLength
    self.maximumErrors = maximumErrors
  }
}
