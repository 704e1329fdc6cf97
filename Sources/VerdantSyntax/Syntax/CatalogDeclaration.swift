/// `catalog NAME from xml "PATH" [schema "XSD"] [snapshot "VCAT"] records "PATH" key FIELD
/// [multiple] { namespace p = "uri"  field: Type = selector … }`.
public struct CatalogDeclaration: Sendable, Hashable {
  /// A declared namespace prefix.
  public struct Namespace: Sendable, Hashable {
    /// The prefix.
    public let prefix: Identifier
    /// The namespace URI.
    public let uri: StringLiteral

    /// Creates a namespace declaration.
    public init(prefix: Identifier, uri: StringLiteral) {
      self.prefix = prefix
      self.uri = uri
    }
  }

  /// One mapped field.
  public struct Field: Sendable, Hashable {
    /// The field name.
    public let name: Identifier
    /// Its type.
    public let type: TypeSyntax
    /// The selector as written (`@mrl`, `../@code`, `Value[@ColumnRef='code']/SimpleValue`).
    public let selector: String
    /// Where the selector was written.
    public let selectorSpan: Span
    /// The field's doc comment.
    public let doc: String?

    /// Creates a field.
    public init(name: Identifier, type: TypeSyntax, selector: String, selectorSpan: Span, doc: String?) {
      self.name = name
      self.type = type
      self.selector = selector
      self.selectorSpan = selectorSpan
      self.doc = doc
    }
  }

  /// The catalog's name.
  public let name: Identifier
  /// The XML file, relative to the ruleset.
  public let xmlPath: StringLiteral
  /// The XSD to validate against, if any.
  public let schema: StringLiteral?
  /// Where a pre-imported snapshot is looked for, if not the default.
  public let snapshot: StringLiteral?
  /// The absolute path of the record elements.
  public let records: StringLiteral
  /// The key field.
  public let key: Identifier
  /// Whether several rows may share a key.
  public let allowsDuplicateKeys: Bool
  /// Declared namespace prefixes.
  public let namespaces: [Namespace]
  /// The mapped fields.
  public let fields: [Field]

  /// Creates a catalog declaration.
  public init(
    name: Identifier, xmlPath: StringLiteral, schema: StringLiteral?, snapshot: StringLiteral?,
    records: StringLiteral, key: Identifier, allowsDuplicateKeys: Bool, namespaces: [Namespace],
    fields: [Field]
  ) {
    self.name = name
    self.xmlPath = xmlPath
    self.schema = schema
    self.snapshot = snapshot
    self.records = records
    self.key = key
    self.allowsDuplicateKeys = allowsDuplicateKeys
    self.namespaces = namespaces
    self.fields = fields
  }
}
