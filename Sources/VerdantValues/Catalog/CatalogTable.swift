/// A catalog's rows, keyed for lookup: what a ruleset reads with `catalog[key]`.
///
/// Tables are immutable and shared by every evaluation of a compiled ruleset.
public final class CatalogTable: Sendable {
  /// The catalog's name.
  public let name: String
  /// The record type of one row.
  public let rowType: RecordType
  /// The rows in document order.
  public let rows: [RecordValue]
  /// The index of the key field in the row record.
  public let keyField: Int
  /// Whether several rows may share a key.
  public let allowsDuplicateKeys: Bool
  /// Where the rows came from (a file path, a snapshot path, or a description).
  public let source: String
  private let index: [Value: [Int]]

  /// Creates a table.
  /// - Parameters:
  ///   - name: The catalog's name.
  ///   - rowType: The record type of the rows.
  ///   - rows: The rows in order; each must be of `rowType`.
  ///   - keyField: The index of the key field.
  ///   - allowsDuplicateKeys: Whether keys may repeat.
  ///   - source: Where the rows came from, for messages.
  /// - Throws: ``CatalogTableError/duplicateKey(_:rows:)`` when a key repeats and repeats are not
  ///   allowed.
  public init(
    name: String, rowType: RecordType, rows: [RecordValue], keyField: Int,
    allowsDuplicateKeys: Bool, source: String
  ) throws(CatalogTableError) {
    var index: [Value: [Int]] = [:]
    index.reserveCapacity(rows.count)
    for (position, row) in rows.enumerated() {
      let key = row.fields[keyField]
      if let existing = index[key] {
        if !allowsDuplicateKeys {
          throw .duplicateKey(key, rows: [existing[0], position])
        }
        index[key] = existing + [position]
      } else {
        index[key] = [position]
      }
    }
    self.name = name
    self.rowType = rowType
    self.rows = rows
    self.keyField = keyField
    self.allowsDuplicateKeys = allowsDuplicateKeys
    self.source = source
    self.index = index
  }

  /// The rows with a key, in document order (empty when there is none).
  public func rows(forKey key: Value) -> [RecordValue] {
    guard let positions = index[key] else { return [] }
    return positions.map { rows[$0] }
  }

  /// The first row with a key.
  public func row(forKey key: Value) -> RecordValue? {
    index[key]?.first.map { rows[$0] }
  }

  /// The number of rows.
  public var count: Int { rows.count }
}

/// Why a table could not be built.
public enum CatalogTableError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A key occurs in two rows (by position) of a catalog without `multiple`.
  case duplicateKey(Value, rows: [Int])

  /// A one-line description.
  public var description: String {
    switch self {
    case .duplicateKey(let key, let rows):
      return "duplicate key \(key) in rows \(rows.map { String($0 + 1) }.joined(separator: " and "))"
    }
  }
}
