/// A declared enumeration: `enum Grade { A, B, C, D }`.
///
/// Case order is the declaration order; it is the order `<`, `min` and `max` use. The type is a
/// class so that every value of the enum shares one description of its names.
public final class EnumType: Sendable, Hashable, CustomStringConvertible {
  /// The enum's name as declared.
  public let name: String
  /// Case names in declaration order.
  public let cases: [String]
  private let ordinals: [String: Int]

  /// Creates an enum type.
  /// - Parameters:
  ///   - name: The declared name.
  ///   - cases: Case names in declaration order; names must be unique.
  public init(name: String, cases: [String]) {
    self.name = name
    self.cases = cases
    var ordinals: [String: Int] = [:]
    for (index, name) in cases.enumerated() where ordinals[name] == nil {
      ordinals[name] = index
    }
    self.ordinals = ordinals
  }

  /// The ordinal of a case, or `nil` when the enum has no case of that name.
  public func ordinal(of caseName: String) -> Int? { ordinals[caseName] }

  /// The type's name.
  public var description: String { name }

  /// Identity: two enum types are the same type only if they are the same declaration.
  public static func == (lhs: EnumType, rhs: EnumType) -> Bool { lhs === rhs }

  /// Hashes by identity, consistent with `==`.
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// One case of an enumeration, as a runtime value.
public struct EnumCase: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The enum the case belongs to.
  public let type: EnumType
  /// The case's position in declaration order.
  public let ordinal: Int

  /// Creates a case value; `ordinal` must be a valid index into `type.cases`.
  public init(type: EnumType, ordinal: Int) {
    self.type = type
    self.ordinal = ordinal
  }

  /// The case name as declared.
  public var name: String { type.cases[ordinal] }

  /// The case name.
  public var description: String { name }

  /// Orders cases of the same enum by declaration order.
  public static func < (lhs: EnumCase, rhs: EnumCase) -> Bool { lhs.ordinal < rhs.ordinal }
}
