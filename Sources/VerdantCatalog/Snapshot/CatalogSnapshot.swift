import VerdantValues

// Snapshot format, version 2: the table's columns and key index as flat arrays, so loading is
// reading arrays. All fixed-width integers are little-endian. An "array" is its element count
// (8 bytes), zero padding up to a multiple of 8 from the start of the file, then the elements
// back to back. A "segment" of values (interned distinct values, `values` columns) is their
// count (8), the byte length (8) of their version 1 encoding (`SnapshotEncoder.value(_:)`,
// with a text table of its own), that encoding, then padding.
//
//   offset  size  field
//   0       4     magic "VCAT"
//   4       2     format version (2)
//   6       2     reserved (0)
//   8       32    SHA-256 of the XML file the rows were imported from
//   40      8     the XML file's size in bytes
//   48      8     the XML file's modification time: seconds since 1970 (signed)
//   56      8     ... and nanoseconds
//   64      ...   mapping fingerprint: length (8) + UTF-8 (`CatalogMapping.fingerprint`);
//                 padding to a multiple of 8
//           8     field count
//           8     row count
//           ...   one column per field, in mapping order:
//                   8 bytes: storage tag, flags (bit 0: a presence array follows), a tag
//                   parameter (code width or decimal scale), 5 reserved
//                   0 interned:  codes (array of 1-, 2- or 4-byte codes), then the distinct
//                                values as a segment
//                   1 text:      bytes (array of UInt8), offsets (array of UInt32, rows + 1)
//                   2 decimal:   units (array of Int64); value units = units × 10^(18 − scale)
//                   3 wide decimal: units (array of Int128)
//                   4 int:       array of Int64
//                   5 date:      days since 1970-01-01 (array of Int32)
//                   6 values:    the row values as a segment
//                   7 fixed-width text: width in bytes (8), bytes (array of UInt8, rows × width)
//                   8 runs:      row count (8), run starts (array of UInt32, ascending from
//                                0), run codes (array of 1-, 2- or 4-byte codes), the
//                                distinct values as a segment
//                   presence (array of UInt64: bit i set when row i has a value), if flagged
//           ...   key index: slots (array of UInt32: row + 1, 0 empty; rows + 3·rows/7 + 1
//                 of them, at least 8; a key's probe starts at the high 64 bits of
//                 hash × slot count, `CatalogKeyIndex.hash`), next (array of UInt32: next row
//                 with the same key + 1; empty for unique keys)
//   end-8   8     XXH64 (seed 0) of every byte before it
//
// Loading streams the file once: arrays are read straight into their storage while the body
// is hashed, and the checksum is compared at the end, before any result (table or error) is
// returned. Checks, in order of precedence: magic and version (a version 1 file is
// `incompatibleVersion`); the trailing checksum (a truncated or altered file is `corrupt`,
// whatever else looked wrong); the mapping fingerprint (`staleMapping`); then the XML, as git checks its index: when the XML's size and
// modification time are unchanged it is assumed unchanged, otherwise it is hashed with
// SHA-256 and compared (`staleXML` only if the content differs). Every array is then checked
// against the row count and its neighbours (offsets ascending, codes in range, the index's
// entries in range and its chains pointing forward), so even a file with a forged checksum
// cannot make a lookup trap or loop.

/// Pre-imported catalogs: a compact binary image of a table that loads far faster than the
/// XML it came from, and that knows when it is stale.
public enum CatalogSnapshot {
  /// The format version this Verdant writes and reads.
  public static let formatVersion = 2

  /// The file's first four bytes.
  static let magic: [UInt8] = Array("VCAT".utf8)
  /// The size of the fixed header, before the fingerprint.
  static let fixedHeaderSize = 64
  /// The size of the trailing checksum.
  static let checksumSize = 8

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
    let fieldCount = mapping.rowType.fields.count
    guard table.columns.count == fieldCount else {
      throw .unwritable(path: path, reason: "the table's columns do not match the mapping")
    }
    let (digest, status) = try xmlIdentity(xmlPath, previous: path)
    var encoder = SnapshotEncoder(capacity: estimatedSize(of: table))
    encoder.append(magic)
    encoder.fixed(UInt64(formatVersion), width: 2)
    encoder.fixed(0, width: 2)
    encoder.append(digest)
    encoder.fixed(status.size, width: 8)
    encoder.fixed(UInt64(bitPattern: status.seconds), width: 8)
    encoder.fixed(UInt64(bitPattern: status.nanoseconds), width: 8)
    let fingerprint = Array(mapping.fingerprint.utf8)
    encoder.fixed(UInt64(fingerprint.count), width: 8)
    encoder.append(fingerprint)
    encoder.align()
    encoder.fixed(UInt64(fieldCount), width: 8)
    encoder.fixed(UInt64(table.count), width: 8)
    for column in table.columns {
      guard column.count == table.count else {
        throw .unwritable(path: path, reason: "the table's columns differ in length")
      }
      guard encoder.column(column) else {
        throw .unwritable(path: path, reason: "catalog rows hold records or lists")
      }
    }
    encoder.array(table.index.slots)
    encoder.array(table.index.next)
    var bytes = encoder.bytes
    let checksum = XXHash64.hash(bytes)
    for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(shift)))) }
    if let error = SnapshotFile.writeAtomically(bytes, to: path) { throw error }
  }

  /// The SHA-256 and status of the XML.
  ///
  /// When the snapshot being replaced is intact (its checksum matches) and was made from the
  /// same XML (same size and modification time, the test a load applies), its stored digest
  /// is reused instead of hashing the XML again.
  private static func xmlIdentity(_ xmlPath: String, previous snapshotPath: String)
    throws(CatalogSnapshotError) -> (digest: [UInt8], status: SnapshotFile.Status)
  {
    if let current = SnapshotFile.status(of: xmlPath),
      case .success(let previous) = SnapshotReader.opening(snapshotPath, checksumSize: checksumSize),
      previous.size >= fixedHeaderSize + checksumSize,
      let header = try? Array(previous.bytes(fixedHeaderSize)),
      Array(header[0..<4]) == magic, Int(header[4]) | Int(header[5]) << 8 == formatVersion,
      previous.verifyChecksum(size: checksumSize)
    {
      func number(_ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(header[offset + index]) << (8 * UInt64(index)) }
        return value
      }
      let stored = SnapshotFile.Status(
        size: number(40), seconds: Int64(bitPattern: number(48)),
        nanoseconds: Int64(bitPattern: number(56)))
      if stored == current { return (Array(header[8..<40]), current) }
    }
    return try SnapshotFile.hash(xmlPath).get()
  }

  /// About how many bytes a table's snapshot takes (to size the buffer once).
  private static func estimatedSize(of table: CatalogTable) -> Int {
    table.byteCount + 4096 + table.columns.count * 64
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
    let reader = try SnapshotReader.opening(path, checksumSize: checksumSize).get()
    let minimum = fixedHeaderSize + checksumSize
    let magicAndVersion: [UInt8]
    do {
      guard reader.size >= minimum else { throw SnapshotDecoder.Failure(reason: "") }
      magicAndVersion = Array(try reader.bytes(6))
    } catch {
      throw .corrupt(path: path, reason: "not a Verdant catalog snapshot")
    }
    guard Array(magicAndVersion[0..<4]) == magic else {
      throw .corrupt(path: path, reason: "not a Verdant catalog snapshot")
    }
    let version = Int(magicAndVersion[4]) | Int(magicAndVersion[5]) << 8
    guard version == formatVersion else {
      throw .incompatibleVersion(path: path, version: version)
    }
    let result = decode(reader, path: path, mapping: mapping, xmlPath: xmlPath)
    // Whatever the outcome, damage is reported first: a corrupt file can look stale.
    guard reader.verifyChecksum(size: checksumSize) else {
      throw .corrupt(path: path, reason: "its checksum does not match: it is truncated or altered")
    }
    return try result.get()
  }

  /// Checks the header against the mapping and the XML, then reads the columns and index.
  ///
  /// The caller verifies the checksum afterwards, success or not.
  private static func decode(
    _ reader: SnapshotReader, path: String, mapping: CatalogMapping, xmlPath: String?
  ) -> Result<CatalogTable, CatalogSnapshotError> {
    do throws(SnapshotDecoder.Failure) {
      _ = try reader.bytes(2)
      let digest = Array(try reader.bytes(32))
      let size = try reader.fixed(width: 8)
      let seconds = Int64(bitPattern: try reader.fixed(width: 8))
      let nanoseconds = Int64(bitPattern: try reader.fixed(width: 8))
      let fingerprintLength = try reader.count()
      let fingerprint = String(decoding: try reader.bytes(fingerprintLength), as: UTF8.self)
      guard fingerprint == mapping.fingerprint else {
        return .failure(.staleMapping(path: path))
      }
      try reader.align()
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
      guard try reader.fixed(width: 8) == UInt64(types.count) else {
        return .failure(.staleMapping(path: path))
      }
      let rowCount = try reader.fixed(width: 8)
      guard rowCount < UInt64(UInt32.max) else {
        throw SnapshotDecoder.Failure(reason: "the row count is out of range")
      }
      let rows = Int(rowCount)
      var columns: [CatalogColumn] = []
      columns.reserveCapacity(types.count)
      for type in types {
        columns.append(try reader.column(of: type, rows: rows, regions: mapping.regions))
      }
      let slots = try reader.array(of: UInt32.self)
      let next = try reader.array(of: UInt32.self)
      try SnapshotDecoder.checkIndex(
        slots: slots, next: next, rows: rows, allowsDuplicates: mapping.allowsDuplicateKeys)
      guard reader.position == reader.bodyEnd else {
        return .failure(.corrupt(path: path, reason: "unexpected bytes after the key index"))
      }
      return .success(
        CatalogTable(
          name: mapping.name, rowType: mapping.rowType, columns: columns,
          keyField: mapping.keyField, allowsDuplicateKeys: mapping.allowsDuplicateKeys,
          source: path, index: CatalogKeyIndex(slots: slots, next: next)))
    } catch {
      if error.isUnknownRegion { return .failure(.staleMapping(path: path)) }
      return .failure(.corrupt(path: path, reason: error.reason))
    }
  }
}
