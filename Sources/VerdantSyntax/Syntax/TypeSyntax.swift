/// A type as written: `Decimal`, `Money<CNY>`, `Set<Text>`, `Date?`.
public struct TypeSyntax: Sendable, Hashable {
  /// The shape of a written type.
  public indirect enum Kind: Sendable, Hashable {
    /// A named type with optional generic arguments: `List<Int>`, `Grade`.
    case named(Identifier, arguments: [TypeSyntax])
    /// `T?`.
    case optional(TypeSyntax)
  }

  /// The written type.
  public let kind: Kind
  /// Where it was written.
  public let span: Span

  /// Creates a type node.
  public init(kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }
}
