#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a line to standard error (diagnostics never go to standard output, which carries
/// results).
func printError(_ text: String) {
  var stream = StandardError()
  print(text, terminator: text.hasSuffix("\n") ? "" : "\n", to: &stream)
}

/// A `TextOutputStream` over file descriptor 2.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    var text = string
    text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(2, base + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}

/// libc's `write`, named apart from `TextOutputStream.write(_:)`.
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, pointer, count)
}
