import VerdantValues

// Snapshot format, version 1. All fixed-width integers are little-endian; "varint" is
// unsigned LEB128 and "signed" is a zigzag-encoded varint.
//
//   offset  size  field
//   0       4     magic "VCAT"
//   4       2     format version (1)
//   6       2     reserved (0)
//   8       32    SHA-256 of the XML file the rows were imported from
//   40      8     the XML file's size in bytes
//   48      8     the XML file's modification time: seconds since 1970 (signed)
//   56      8     ... and nanoseconds
//   64      ...   mapping fingerprint: varint length + UTF-8 (`CatalogMapping.fingerprint`)
//           ...   field count (varint), row count (varint)
//           ...   rows: each field in mapping order as one kind byte + payload:
//                   0 absent | 1 false | 2 true | 3 Int: signed
//                   4 Decimal, 5 Percent: the ExactDecimal's 128-bit units, signed
//                   6 Money: 3 currency letters + units, signed
//                   7 text first seen: varint length + UTF-8 (joins the text table)
//                   8 text seen before: varint index into the text table
//                   13 long text (> 256 bytes): varint length + UTF-8 (not in the table)
//                   9 Date: days since 1970-01-01, signed
//                   10 Duration: unit byte (days, weeks, months, years) + amount, signed
//                   11 enum case: ordinal, varint (the fingerprint spells out the cases)
//                   12 Region: its code as a text (7, 8 or 13)
//   end-32  32    SHA-256 of every byte before it
//
// Checks on load, in order: magic and version; the trailing SHA-256 (a truncated or altered
// file is `corrupt`); the mapping fingerprint (`staleMapping`); then the XML, as git checks
// its index: when the XML's size and modification time are unchanged it is assumed
// unchanged, otherwise it is hashed and compared (`staleXML` only if the content differs).

/// Pre-imported catalogs: a compact binary image of a table that loads far faster than the
/// XML it came from, and that knows when it is stale.
public enum CatalogSnapshot {
  /// The format version this Verdant writes and reads.
  public static let formatVersion = 1

  /// The file's first four bytes.
  static let magic: [UInt8] = Array("VCAT".utf8)
  /// The size of the fixed header, before the fingerprint.
  static let fixedHeaderSize = 64
  /// The size of the trailing checksum.
  static let checksumSize = 32

  /// Writes a compact binary snapshot of an imported table.
  /// - Parameters:
  ///   - table: The table, as imported with `mapping`.
  ///   - mapping: The mapping used; its fingerprint is stored so that a snapshot made with
  ///     another mapping is recognised.
  ///   - xmlPath: The XML the table was imported from; its hash, size and modification time
  ///     are stored.
  ///   - path: Where to write; the file is replaced atomically.
  /// - Throws: ``CatalogSnapshotError`` when the XML cannot be read or the file written.
  public static func write(
    _ table: CatalogTable, mapping: CatalogMapping, xmlPath: String, to path: String
  ) throws(CatalogSnapshotError) {
    let (digest, status) = try SnapshotFile.hash(xmlPath).get()
    var encoder = SnapshotEncoder(capacity: 1 << 16)
    encoder.append(magic)
    encoder.fixed(UInt64(formatVersion), width: 2)
    encoder.fixed(0, width: 2)
    encoder.append(digest)
    encoder.fixed(status.size, width: 8)
    encoder.fixed(UInt64(bitPattern: status.seconds), width: 8)
    encoder.fixed(UInt64(bitPattern: status.nanoseconds), width: 8)
    encoder.string(mapping.fingerprint)
    let fieldCount = mapping.rowType.fields.count
    encoder.varint(UInt64(fieldCount))
    encoder.varint(UInt64(table.rows.count))
    for row in table.rows {
      guard row.fields.count == fieldCount else {
        throw .unwritable(path: path, reason: "the table's rows do not match the mapping")
      }
      for value in row.fields where !encoder.value(value) {
        throw .unwritable(path: path, reason: "catalog rows hold records or lists")
      }
    }
    var bytes = encoder.bytes
    bytes.append(contentsOf: SHA256.hash(bytes))
    if let error = SnapshotFile.writeAtomically(bytes, to: path) { throw error }
  }

  /// Loads a snapshot; rejects it when corrupt, when made with another mapping, or when the XML
  /// at xmlPath changed (xmlPath nil or file missing: skip the XML check).
  /// - Parameters:
  ///   - path: The snapshot file.
  ///   - mapping: The mapping the caller would import with; it must be the one the snapshot
  ///     was made with.
  ///   - xmlPath: The XML the snapshot stands for, or `nil` to trust the snapshot.
  /// - Returns: The table, with the snapshot's path as its source.
  /// - Throws: ``CatalogSnapshotError``.
  public static func read(at path: String, mapping: CatalogMapping, xmlPath: String?)
    throws(CatalogSnapshotError) -> CatalogTable
  {
    let bytes = try SnapshotFile.readAll(path).get()
    let minimum = fixedHeaderSize + checksumSize
    guard bytes.count >= minimum, Array(bytes[0..<4]) == magic else {
      throw .corrupt(path: path, reason: "not a Verdant catalog snapshot")
    }
    let version = Int(bytes[4]) | Int(bytes[5]) << 8
    guard version == formatVersion else {
      throw .incompatibleVersion(path: path, version: version)
    }
    let bodyEnd = bytes.count - checksumSize
    let checksum = bytes.withUnsafeBytes {
      SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[0..<bodyEnd]))
    }
    guard checksum.elementsEqual(bytes[bodyEnd...]) else {
      throw .corrupt(path: path, reason: "its checksum does not match: it is truncated or altered")
    }
    let result: Result<CatalogTable, CatalogSnapshotError> = bytes.withUnsafeBytes { raw in
      decode(
        UnsafeRawBufferPointer(rebasing: raw[0..<bodyEnd]), path: path, mapping: mapping,
        xmlPath: xmlPath)
    }
    return try result.get()
  }

  /// Checks the header against the mapping and the XML, then decodes the rows.
  private static func decode(
    _ bytes: UnsafeRawBufferPointer, path: String, mapping: CatalogMapping, xmlPath: String?
  ) -> Result<CatalogTable, CatalogSnapshotError> {
    var decoder = SnapshotDecoder(bytes: bytes, offset: 8)
    do {
      var digest: [UInt8] = []
      for _ in 0..<32 { digest.append(try decoder.byte()) }
      let size = try decoder.fixed(width: 8)
      let seconds = Int64(bitPattern: try decoder.fixed(width: 8))
      let nanoseconds = Int64(bitPattern: try decoder.fixed(width: 8))
      guard try decoder.string() == mapping.fingerprint else {
        return .failure(.staleMapping(path: path))
      }
      if let xmlPath, let current = SnapshotFile.status(of: xmlPath) {
        let stored = SnapshotFile.Status(size: size, seconds: seconds, nanoseconds: nanoseconds)
        if current != stored {
          // Size or time changed: only the content decides (a touched file is still fresh).
          switch SnapshotFile.hash(xmlPath) {
          case .success(let hashed) where hashed.digest == digest: break
          case .success: return .failure(.staleXML(path: path, xmlPath: xmlPath))
          case .failure(let error): return .failure(error)
          }
        }
      }
      let types = mapping.rowType.fields.map(\.type)
      guard try decoder.varint() == UInt64(types.count) else {
        return .failure(.staleMapping(path: path))
      }
      let rowCount = try decoder.count()
      var rows: [RecordValue] = []
      rows.reserveCapacity(rowCount)
      let regions = mapping.regions
      for _ in 0..<rowCount {
        var fields: [Value] = []
        fields.reserveCapacity(types.count)
        for type in types { fields.append(try decoder.value(of: type, regions: regions)) }
        rows.append(RecordValue(type: mapping.rowType, fields: fields))
      }
      guard decoder.offset == bytes.count else {
        return .failure(.corrupt(path: path, reason: "unexpected bytes after the last row"))
      }
      do {
        return .success(
          try CatalogTable(
            name: mapping.name, rowType: mapping.rowType, rows: rows, keyField: mapping.keyField,
            allowsDuplicateKeys: mapping.allowsDuplicateKeys, source: path))
      } catch {
        return .failure(.corrupt(path: path, reason: error.description))
      }
    } catch {
      if error.isUnknownRegion { return .failure(.staleMapping(path: path)) }
      return .failure(.corrupt(path: path, reason: error.reason))
    }
  }
}
