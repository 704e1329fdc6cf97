/// A parsed ruleset file: its header and declarations, in source order.
public struct RulesetSyntax: Sendable {
  /// The file it was parsed from.
  public let file: SourceFile
  /// The `ruleset … version … authority … effective` header, if present.
  public let header: RulesetHeader?
  /// The declarations in source order.
  public let declarations: [Declaration]

  /// Creates a ruleset syntax tree.
  public init(file: SourceFile, header: RulesetHeader?, declarations: [Declaration]) {
    self.file = file
    self.header = header
    self.declarations = declarations
  }
}

/// `ruleset "name" version "2025.2" authority "…" effective 2025-01-01`.
public struct RulesetHeader: Sendable, Hashable {
  /// The ruleset's name.
  public let name: StringLiteral
  /// Its version text.
  public let version: StringLiteral?
  /// The issuing authority.
  public let authority: StringLiteral?
  /// The date the ruleset takes effect.
  public let effective: DateLiteral?
  /// The doc comment above the header.
  public let doc: String?
  /// The whole header.
  public let span: Span

  /// Creates a header.
  public init(
    name: StringLiteral, version: StringLiteral?, authority: StringLiteral?,
    effective: DateLiteral?, doc: String?, span: Span
  ) {
    self.name = name
    self.version = version
    self.authority = authority
    self.effective = effective
    self.doc = doc
    self.span = span
  }
}
