import Testing
import VerdantCatalog
import VerdantSyntax
import VerdantValues

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// These tests use libc rather than Foundation: a module that imports both Foundation and
// VerdantCatalog loads two incompatible ICU headers (Foundation's and the system one that
// libxml2's headers include), which clang rejects.

/// Paths of the XML and XSD fixtures next to this file (not bundle resources).
enum Fixture {
  /// The folder holding the fixtures.
  static let directory: String = {
    let file = "\(#filePath)"
    let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
    return folder + "/Fixtures"
  }()

  /// The path of a fixture file.
  static func path(_ name: String) -> String { directory + "/" + name }
}

/// A fresh temporary directory; the caller removes it with ``remove()``.
struct TemporaryDirectory {
  let path: String

  init() throws {
    var template = Array("/tmp/verdant-catalog-tests-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
      return String(cString: result)
    }
    guard let made else { throw FileError(message: "mkdtemp failed") }
    path = made
  }

  func path(_ name: String) -> String { path + "/" + name }

  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try write(Array(text.utf8), to: name)
  }

  @discardableResult
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let target = path(name)
    try writeFile(bytes, to: target)
    return target
  }

  func remove() {
    for name in (try? listDirectory(path)) ?? [] { unlink(path(name)) }
    rmdir(path)
  }
}

/// A failed file operation in a test.
struct FileError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

/// Writes (replacing) a whole file.
func writeFile(_ bytes: [UInt8], to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else { throw FileError(message: "cannot create \(path)") }
  defer { close(descriptor) }
  let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  guard written == bytes.count else { throw FileError(message: "cannot write \(path)") }
}

/// Reads a whole file.
func readFile(_ path: String) throws -> [UInt8] {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { throw FileError(message: "cannot open \(path)") }
  defer { close(descriptor) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count >= 0 else { throw FileError(message: "cannot read \(path)") }
    if count == 0 { return bytes }
    bytes += chunk[0..<count]
  }
}

/// Copies a file.
func copyFile(_ source: String, to target: String) throws {
  try writeFile(try readFile(source), to: target)
}

/// The names in a directory, without `.` and `..`.
func listDirectory(_ path: String) throws -> [String] {
  guard let directory = opendir(path) else { throw FileError(message: "cannot list \(path)") }
  defer { closedir(directory) }
  var names: [String] = []
  while let entry = readdir(directory) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
      guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return "" }
      return String(cString: base)
    }
    if name != "." && name != ".." { names.append(name) }
  }
  return names
}

/// Sets a file's modification time (seconds since 1970), as `touch -d` would.
func setModificationTime(_ path: String, seconds: Int) throws {
  var times = [
    timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0),
  ]
  guard utimensat(AT_FDCWD, path, &times, 0) == 0 else {
    throw FileError(message: "cannot set the time of \(path)")
  }
}

/// Builds a mapping the way the checker would from a `catalog` declaration.
func makeMapping(
  name: String = "catalog", records: String, namespaces: [String: String] = [:],
  fields: [(name: String, type: ValueType, selector: String)], key: String? = nil,
  multiple: Bool = false, regions: RegionHierarchy = .empty
) throws -> CatalogMapping {
  let rowType = RecordType(
    name: "\(name)_row", fields: fields.map { RecordType.Field(name: $0.name, type: $0.type) })
  let mapped = try fields.map { field in
    CatalogMapping.Field(
      name: field.name, type: field.type, selector: try XMLPathParser.parseSelector(field.selector))
  }
  let keyIndex = key.flatMap { key in fields.firstIndex { $0.name == key } } ?? 0
  return CatalogMapping(
    name: name, recordPath: try XMLPathParser.parseRecordPath(records), namespaces: namespaces,
    fields: mapped, keyField: keyIndex, allowsDuplicateKeys: multiple, rowType: rowType,
    regions: regions)
}

/// The mapping of `gb2763.xml`-shaped catalogs: limits keyed by product.
func limitMapping(
  records: String = "/catalog/standard/limit", namespaces: [String: String] = [:],
  multiple: Bool = false
) throws -> CatalogMapping {
  try makeMapping(
    name: "gb2763", records: records, namespaces: namespaces,
    fields: [
      ("product", .text, "@product"),
      ("mrl_mg_per_kg", .decimal, "@mrl"),
      ("standard_code", .text, "../@code"),
    ], key: "product", multiple: multiple)
}

/// Imports a fixture, expecting failure, and returns the diagnostics.
func importFailure(
  _ path: String, schema: String? = nil, mapping: CatalogMapping, limits: XMLLimits = .default
) -> [Diagnostic] {
  do {
    let table = try CatalogImporter.importXML(
      at: path, schema: schema, mapping: mapping, limits: limits)
    Issue.record("expected the import to fail, got \(table.count) rows")
    return []
  } catch {
    return error.diagnostics
  }
}

/// A compact, comparable form of a diagnostic: code, line, column and message.
struct Reported: Equatable, CustomStringConvertible {
  let code: String
  let line: Int
  let column: Int
  let message: String

  init(_ code: String, _ line: Int, _ column: Int, _ message: String) {
    self.code = code
    self.line = line
    self.column = column
    self.message = message
  }

  init(_ diagnostic: Diagnostic) {
    let location = diagnostic.location
    self.init(diagnostic.code.rawValue, location.line, location.column, diagnostic.message)
  }

  var description: String { "\(code) \(line):\(column) \(message)" }
}

/// The values of a row by field name, for compact assertions.
func values(_ row: RecordValue?) -> [String: Value] {
  guard let row else { return [:] }
  return Dictionary(uniqueKeysWithValues: zip(row.type.fields.map(\.name), row.fields))
}

/// A decimal from exact text.
func decimal(_ text: String) throws -> ExactDecimal { try ExactDecimal(parsing: text) }
