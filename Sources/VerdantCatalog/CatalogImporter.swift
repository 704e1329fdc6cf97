import VerdantSyntax
import VerdantValues

/// Streams an XML catalog through libxml2's xmlTextReader into a CatalogTable.
///
/// The document is read once, in constant memory: only the current record's subtree and the
/// chain of its ancestors are held, and each record's values go straight into the table's
/// compact columns (see ``CatalogColumn``), so resident memory is the table's own size plus a
/// few megabytes. Network access is off, external DTDs are never loaded and
/// entities are never expanded (any entity reference is an error), libxml2's depth and size
/// limits stay on, and ``XMLLimits`` bounds the rest.
public enum CatalogImporter {
  /// Imports a catalog.
  /// - Parameters:
  ///   - path: The XML file.
  ///   - schema: An XSD to validate the document against while it streams; any violation
  ///     rejects the import.
  ///   - mapping: Which elements are records and where each field comes from.
  ///   - limits: Bounds on nesting, value length and the number of errors collected.
  /// - Returns: The rows in document order, keyed by the mapping's key field.
  /// - Throws: ``CatalogImportError`` with up to `limits.maximumErrors` diagnostics.
  public static func importXML(
    at path: String, schema: String? = nil, mapping: CatalogMapping, limits: XMLLimits = .default
  ) throws(CatalogImportError) -> CatalogTable {
    var warnings: [Diagnostic] = []
    return try importXML(
      at: path, schema: schema, mapping: mapping, limits: limits, warnings: &warnings)
  }

  /// Imports a catalog and also reports warnings, such as a record path that matched nothing.
  /// - Parameters:
  ///   - path: The XML file.
  ///   - schema: An XSD to validate the document against while it streams.
  ///   - mapping: Which elements are records and where each field comes from.
  ///   - limits: Bounds on nesting, value length and the number of errors collected.
  ///   - warnings: Warnings are appended here (for example V3010 with an empty table).
  /// - Returns: The rows in document order, keyed by the mapping's key field.
  /// - Throws: ``CatalogImportError`` with up to `limits.maximumErrors` diagnostics.
  public static func importXML(
    at path: String, schema: String? = nil, mapping: CatalogMapping, limits: XMLLimits = .default,
    warnings: inout [Diagnostic]
  ) throws(CatalogImportError) -> CatalogTable {
    let session = ImportSession(path: path, mapping: mapping, limits: limits)
    let (table, found) = try session.run(schema: schema)
    warnings += found
    return table
  }
}
