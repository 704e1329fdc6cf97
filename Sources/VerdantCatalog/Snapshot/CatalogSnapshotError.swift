/// Why a catalog snapshot could not be written or used.
///
/// Every case but ``unwritable(path:reason:)`` means the snapshot must be rebuilt from the XML,
/// and the descriptions say so.
public enum CatalogSnapshotError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The snapshot (or, when writing, the XML) cannot be read.
  case unreadable(path: String, reason: String)
  /// The snapshot cannot be written.
  case unwritable(path: String, reason: String)
  /// The snapshot is damaged: truncated, altered, or not a snapshot at all.
  case corrupt(path: String, reason: String)
  /// The snapshot was written by a Verdant using another format version.
  case incompatibleVersion(path: String, version: Int)
  /// The snapshot was made with another catalog mapping (record path, fields, types or key).
  case staleMapping(path: String)
  /// The XML the snapshot was made from has changed since.
  case staleXML(path: String, xmlPath: String)

  /// A one-line description that says what to do.
  public var description: String {
    let rebuild = "re-run `verdant import` to rebuild it"
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .unwritable(let path, let reason):
      return "cannot write the catalog snapshot \(path): \(reason)"
    case .corrupt(let path, let reason):
      return "the catalog snapshot \(path) is corrupt (\(reason)); delete it and \(rebuild)"
    case .incompatibleVersion(let path, let version):
      return "the catalog snapshot \(path) has format version \(version), but this Verdant reads "
        + "version \(CatalogSnapshot.formatVersion); \(rebuild)"
    case .staleMapping(let path):
      return "the catalog snapshot \(path) was made with a different catalog mapping; \(rebuild)"
    case .staleXML(let path, let xmlPath):
      return "the catalog snapshot \(path) is out of date: \(xmlPath) changed since it was made; "
        + rebuild
    }
  }
}
