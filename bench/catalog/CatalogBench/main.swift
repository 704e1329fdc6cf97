import VerdantCatalog
import VerdantValues

// A tiny benchmark driver for the catalog importer, built by bench/catalog/run.sh in a
// temporary package (it is not a target of the Verdant package).
//
//   catalog-bench import FILE.xml SNAPSHOT   import, report, then write the snapshot
//   catalog-bench load FILE.xml SNAPSHOT     load the snapshot (checking the XML), report
//   catalog-bench scan FILE.xml -            stream with a record path that matches nothing
//   catalog-bench sha256 FILE.xml -          SHA-256 and XXH64 throughput on the file
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Monotonic seconds.
func seconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The process's peak resident set size (VmHWM) in MiB, from /proc/self/status.
func peakRSSMiB() -> Double {
  guard let file = fopen("/proc/self/status", "r") else { return -1 }
  defer { fclose(file) }
  var line = [CChar](repeating: 0, count: 256)
  while fgets(&line, Int32(line.count), file) != nil {
    let text = String(cString: line)
    if text.hasPrefix("VmHWM:") {
      let digits = text.filter(\.isNumber)
      return (Double(digits) ?? -1) / 1024
    }
  }
  return -1
}

func fileSize(_ path: String) -> Int {
  var info = stat()
  return stat(path, &info) == 0 ? Int(info.st_size) : -1
}

/// Reads a whole file.
func readAll(_ path: String) throws -> [UInt8] {
  guard let file = fopen(path, "rb") else { throw BenchError(message: "cannot open \(path)") }
  defer { fclose(file) }
  var bytes = [UInt8](repeating: 0, count: fileSize(path))
  let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
  guard read == bytes.count else { throw BenchError(message: "cannot read \(path)") }
  return bytes
}

struct BenchError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

/// A short description of a column's storage.
func describe(_ storage: CatalogColumn.Storage) -> String {
  switch storage {
  case .interned(let codes, let values):
    return "interned (\(codes.width)-byte codes, \(values.count) values)"
  case .runs(let starts, let codes, let values, _):
    return "runs (\(starts.count) runs, \(codes.width)-byte codes, \(values.count) values)"
  case .text(let bytes, _): return "text (\(bytes.count) bytes + offsets)"
  case .fixedText(let bytes, let width):
    return "fixed-width text (\(bytes.count) bytes, \(width) each)"
  case .decimal(_, let scale): return "decimal (Int64, scale \(scale))"
  case .wideDecimal: return "decimal (Int128)"
  case .int: return "int (Int64)"
  case .date: return "date (Int32)"
  case .values: return "values"
  }
}

func format(_ value: Double, _ digits: Int = 3) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
  return String(cString: buffer)
}

func mapping(records: String = "/catalog/standard/limit", keyOnly: Bool = false) throws
  -> CatalogMapping
{
  var fields: [(String, ValueType, String)] = [
    ("id", .text, "@id"),
    ("product", .text, "@product"),
    ("substance", .text, "@substance"),
    ("mrl_mg_per_kg", .decimal, "@mrl"),
    ("unit", .text, "@unit"),
    ("standard_code", .text, "../@code"),
    ("effective", .optional(.date), "../@effective"),
  ]
  if keyOnly { fields = [fields[0]] }
  let rowType = RecordType(
    name: "limit", fields: fields.map { RecordType.Field(name: $0.0, type: $0.1) })
  return CatalogMapping(
    name: "national_standards",
    recordPath: try XMLPathParser.parseRecordPath(records), namespaces: [:],
    fields: try fields.map {
      CatalogMapping.Field(name: $0.0, type: $0.1, selector: try XMLPathParser.parseSelector($0.2))
    },
    keyField: 0, allowsDuplicateKeys: false, rowType: rowType, regions: .empty)
}

func makeScanMapping() throws -> CatalogMapping { try mapping(records: "/catalog/none/limit") }
func makeKeyMapping() throws -> CatalogMapping { try mapping(keyOnly: true) }

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
  print("usage: catalog-bench import|load|scan|sha256 FILE.xml SNAPSHOT|-")
  exit(2)
}
let (command, xml, snapshot) = (arguments[1], arguments[2], arguments[3])
do {
  let mapping = try mapping()
  switch command {
  case "scan":
    // A record path that matches nothing: the cost and memory of streaming alone.
    let start = seconds()
    let table = try CatalogImporter.importXML(at: xml, mapping: try makeScanMapping())
    let elapsed = format(seconds() - start)
    print("scan_seconds=\(elapsed) rows=\(table.count) peak_rss_mib=\(format(peakRSSMiB(), 1))")
  case "import-key":
    let start = seconds()
    let table = try CatalogImporter.importXML(at: xml, mapping: try makeKeyMapping())
    print("import_key_only_seconds=\(format(seconds() - start)) rows=\(table.count)")
  case "import":
    let start = seconds()
    let table = try CatalogImporter.importXML(at: xml, mapping: mapping)
    let imported = seconds()
    print("file_bytes=\(fileSize(xml)) rows=\(table.count)")
    print("import_seconds=\(format(imported - start)) peak_rss_mib=\(format(peakRSSMiB(), 1))")
    guard snapshot != "-" else { break }
    let perRow = Double(table.byteCount) / Double(max(1, table.count))
    print("table_bytes=\(table.byteCount) table_bytes_per_row=\(format(perRow, 1))")
    for (field, column) in zip(table.rowType.fields, table.columns) {
      print("  column \(field.name): \(describe(column.storage)) \(column.byteCount) bytes")
    }
    print("  index: \(table.index.slots.count) slots, \(table.index.next.count) chain entries")
    let writeStart = seconds()
    try CatalogSnapshot.write(table, mapping: mapping, xmlPath: xml, to: snapshot)
    print(
      "snapshot_write_seconds=\(format(seconds() - writeStart)) snapshot_bytes=\(fileSize(snapshot))"
    )
  case "load":
    let start = seconds()
    let table = try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    let loaded = seconds()
    print("rows=\(table.count) snapshot_load_seconds=\(format(loaded - start))")
    print("load_peak_rss_mib=\(format(peakRSSMiB(), 1))")
    // Spot checks: the first and last rows are found by their keys.
    for position in [0, table.count - 1] where position >= 0 {
      let row = table.row(at: position)
      guard table.row(forKey: row.fields[0]) == row else {
        print("error: lookup of row \(position) failed")
        exit(1)
      }
    }
    // How long the key index alone takes to build from the key column (the import pays it).
    let again = seconds()
    var duplicates: [CatalogKeyIndex.Duplicate] = []
    let index = CatalogKeyIndex(
      column: table.columns[table.keyField], allowsDuplicates: false, duplicateLimit: 1,
      duplicates: &duplicates)
    print("table_index_seconds=\(format(seconds() - again)) (slots=\(index.slots.count))")
  case "sha256":
    // SHA-256 throughput on the XML (what a snapshot write pays once per changed XML).
    let bytes = try readAll(xml)
    let start = seconds()
    let digest = SHA256.hash(bytes)
    let elapsed = seconds() - start
    print(
      "sha256_seconds=\(format(elapsed)) mib_per_second=\(format(Double(bytes.count) / elapsed / 1_048_576, 0)) first_byte=\(digest[0])"
    )
    let checksumStart = seconds()
    let checksum = XXHash64.hash(bytes)
    let checksumElapsed = seconds() - checksumStart
    print(
      "xxh64_seconds=\(format(checksumElapsed)) mib_per_second=\(format(Double(bytes.count) / checksumElapsed / 1_048_576, 0)) low_byte=\(checksum & 0xFF)"
    )
  default:
    print("unknown command \(command)")
    exit(2)
  }
} catch {
  print("error: \(error)")
  exit(1)
}
