/// The text a selector found: borrowed from libxml2's tree (valid only until the reader moves
/// past the record) or, when it had to be assembled from several nodes, owned.
enum TextSource {
  case borrowed(UnsafeBufferPointer<UInt8>)
  case owned([UInt8])

  /// Calls `body` with the text's UTF-8 bytes.
  @inline(__always)
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch self {
    case .borrowed(let bytes): return body(bytes)
    case .owned(let bytes): return bytes.withUnsafeBufferPointer(body)
    }
  }

  /// The text as a string (for messages).
  var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
