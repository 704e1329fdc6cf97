import VerdantValues

/// Renders diagnostics as SARIF 2.1.0, the format code-scanning tools and CI systems read.
public struct SARIFRenderer: Sendable {
  /// The tool version written into the log.
  public let toolVersion: String

  /// Creates a renderer.
  /// - Parameter toolVersion: The Verdant version to record as the producing tool.
  public init(toolVersion: String) { self.toolVersion = toolVersion }

  /// The SARIF log as text.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    let codes = Array(Set(diagnostics.map(\.code))).sorted()
    let rules: [JSONValue] = codes.map { .object(JSONObject([("id", .string($0.rawValue))])) }
    let results: [JSONValue] = diagnostics.map { diagnostic in
      let start = diagnostic.span.location
      let end = diagnostic.span.file.location(of: diagnostic.span.end)
      var message = diagnostic.message
      if let help = diagnostic.help { message += " (help: \(help))" }
      let region = JSONObject([
        ("startLine", .number(String(start.line))),
        ("startColumn", .number(String(start.column))),
        ("endLine", .number(String(end.line))),
        ("endColumn", .number(String(end.column))),
      ])
      let physical = JSONObject([
        ("artifactLocation", .object(JSONObject([("uri", .string(diagnostic.span.file.path))]))),
        ("region", .object(region)),
      ])
      return .object(
        JSONObject([
          ("ruleId", .string(diagnostic.code.rawValue)),
          ("level", .string(diagnostic.severity == .error ? "error" : "warning")),
          ("message", .object(JSONObject([("text", .string(message))]))),
          (
            "locations",
            .array([.object(JSONObject([("physicalLocation", .object(physical))]))])
          ),
        ]))
    }
    let driver = JSONObject([
      ("name", .string("verdant")),
      ("version", .string(toolVersion)),
      ("rules", .array(rules)),
    ])
    let run = JSONObject([
      ("tool", .object(JSONObject([("driver", .object(driver))]))),
      ("results", .array(results)),
    ])
    let log = JSONObject([
      ("version", .string("2.1.0")),
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("runs", .array([.object(run)])),
    ])
    return JSONWriter.string(.object(log), pretty: true) + "\n"
  }
}
