/// How a catalog's XML maps to typed rows: which elements are records, and where each field's
/// value comes from.
///
/// The checker builds a mapping from a `catalog` declaration; the XML importer and the snapshot
/// reader follow it. Its ``fingerprint`` identifies it, so a snapshot made with another mapping
/// is recognised as stale.
public struct CatalogMapping: Sendable {
  /// One mapped field.
  public struct Field: Sendable, Hashable {
    /// The field name in the row record.
    public let name: String
    /// Its declared type; the text found is converted to it exactly.
    public let type: ValueType
    /// Where the value comes from.
    public let selector: XMLSelector

    /// Creates a field mapping.
    public init(name: String, type: ValueType, selector: XMLSelector) {
      self.name = name
      self.type = type
      self.selector = selector
    }
  }

  /// The catalog's name in the ruleset.
  public let name: String
  /// The path of the record elements.
  public let recordPath: XMLRecordPath
  /// Declared namespace prefixes and their URIs.
  public let namespaces: [String: String]
  /// The fields, in the order of the row record's fields.
  public let fields: [Field]
  /// The index of the key field in ``fields``.
  public let keyField: Int
  /// Whether several rows may share a key (lookups then return lists).
  public let allowsDuplicateKeys: Bool
  /// The record type of one row.
  public let rowType: RecordType
  /// The region hierarchy that `Region` fields are resolved in.
  public let regions: RegionHierarchy

  /// Creates a mapping; `fields` must match `rowType.fields` in order.
  public init(
    name: String, recordPath: XMLRecordPath, namespaces: [String: String], fields: [Field],
    keyField: Int, allowsDuplicateKeys: Bool, rowType: RecordType, regions: RegionHierarchy
  ) {
    self.name = name
    self.recordPath = recordPath
    self.namespaces = namespaces
    self.fields = fields
    self.keyField = keyField
    self.allowsDuplicateKeys = allowsDuplicateKeys
    self.rowType = rowType
    self.regions = regions
  }

  /// A canonical text of everything that shapes the imported rows.
  public var canonicalDescription: String {
    var lines = ["records \(recordPath)", "key \(fields[keyField].name)\(allowsDuplicateKeys ? " multiple" : "")"]
    for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
      lines.append("namespace \(prefix) = \(uri)")
    }
    for field in fields {
      lines.append("\(field.name): \(Self.describe(field.type)) = \(field.selector)")
    }
    return lines.joined(separator: "\n")
  }

  /// `sha256:` and the hex digest of ``canonicalDescription``.
  public var fingerprint: String {
    "sha256:" + SHA256.hexDigest(Array(canonicalDescription.utf8))
  }

  /// A type with the enum cases spelt out, since rows store enum cases by position.
  private static func describe(_ type: ValueType) -> String {
    switch type {
    case .enumeration(let enumType): return "\(enumType.name){\(enumType.cases.joined(separator: ","))}"
    case .optional(let wrapped): return describe(wrapped) + "?"
    case .list(let element): return "List<\(describe(element))>"
    case .set(let element): return "Set<\(describe(element))>"
    default: return type.description
    }
  }
}
