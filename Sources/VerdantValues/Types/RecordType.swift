/// A declared record type: an `input` or a `record`.
///
/// Field order is the declaration order; values store their fields in that order so that a
/// compiled field read is an array index, never a lookup by name.
public final class RecordType: Sendable, Hashable, CustomStringConvertible {
  /// One field of a record.
  public struct Field: Sendable, Hashable {
    /// The field name.
    public let name: String
    /// The field's type.
    public let type: ValueType

    /// Creates a field description.
    public init(name: String, type: ValueType) {
      self.name = name
      self.type = type
    }
  }

  /// The record's name (for an `input`, the input's name).
  public let name: String
  /// The fields in declaration order.
  public let fields: [Field]
  /// Whether the record was declared with `input` (one value per evaluation).
  public let isInput: Bool
  private let indices: [String: Int]

  /// Creates a record type.
  /// - Parameters:
  ///   - name: The declared name.
  ///   - fields: The fields in declaration order; names must be unique.
  ///   - isInput: Whether it was declared with `input`.
  public init(name: String, fields: [Field], isInput: Bool = false) {
    self.name = name
    self.fields = fields
    self.isInput = isInput
    var indices: [String: Int] = [:]
    for (index, field) in fields.enumerated() where indices[field.name] == nil {
      indices[field.name] = index
    }
    self.indices = indices
  }

  /// The index of a field, or `nil` when the record has no field of that name.
  public func fieldIndex(named name: String) -> Int? { indices[name] }

  /// The record's name.
  public var description: String { name }

  /// Identity: two record types are the same type only if they are the same declaration.
  public static func == (lhs: RecordType, rhs: RecordType) -> Bool { lhs === rhs }

  /// Hashes by identity, consistent with `==`.
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
