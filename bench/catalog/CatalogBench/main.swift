import VerdantCatalog
import VerdantValues

// A tiny benchmark driver for the catalog importer, built by bench/catalog/run.sh in a
// temporary package (it is not a target of the Verdant package).
//
//   catalog-bench import FILE.xml SNAPSHOT   import, report, then write the snapshot
//   catalog-bench load FILE.xml SNAPSHOT     load the snapshot (checking the XML), report
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
  print("usage: catalog-bench import|load FILE.xml SNAPSHOT")
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
    try CatalogSnapshot.write(table, mapping: mapping, xmlPath: xml, to: snapshot)
    print(
      "snapshot_write_seconds=\(format(seconds() - imported)) snapshot_bytes=\(fileSize(snapshot))")
  case "load":
    let start = seconds()
    let table = try CatalogSnapshot.read(at: snapshot, mapping: mapping, xmlPath: xml)
    let loaded = seconds()
    print("rows=\(table.count) snapshot_load_seconds=\(format(loaded - start))")
    // How much of that is CatalogTable's own key index (the same cost on both paths).
    let again = seconds()
    let rebuilt = try CatalogTable(
      name: table.name, rowType: table.rowType, rows: table.rows, keyField: table.keyField,
      allowsDuplicateKeys: table.allowsDuplicateKeys, source: table.source)
    print("table_index_seconds=\(format(seconds() - again)) (rows=\(rebuilt.count))")
    print("load_peak_rss_mib=\(format(peakRSSMiB(), 1))")
  default:
    print("unknown command \(command)")
    exit(2)
  }
} catch {
  print("error: \(error)")
  exit(1)
}
