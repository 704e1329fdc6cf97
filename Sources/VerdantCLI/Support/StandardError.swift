import Verdant

/// Writes a line to standard error (diagnostics never go to standard output, which carries
/// results).
func printError(_ text: String) {
  var stream = StandardError()
  print(text, terminator: text.hasSuffix("\n") ? "" : "\n", to: &stream)
}

/// A `TextOutputStream` over file descriptor 2.
struct StandardError: TextOutputStream {
  /// The descriptor's writer; a failed write to standard error has nowhere to be reported.
  private static let writer = ByteWriter(descriptor: 2, path: "standard error")

  mutating func write(_ string: String) {
    try? Self.writer.write(string)
  }
}
