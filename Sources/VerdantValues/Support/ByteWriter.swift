#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes bytes to a file or standard output without buffering in between, for streaming
/// results whose producers already write in large blocks.
public final class ByteWriter: Sendable {
  /// Why bytes could not be written.
  public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path that failed (`-` for standard output).
    public let path: String
    /// The system's reason.
    public let reason: String

    /// `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
  }

  private let descriptor: Int32
  private let ownsDescriptor: Bool
  /// The path written (`-` for standard output).
  public let path: String

  /// Creates (or truncates) a file, or writes to standard output for `-`.
  /// - Throws: ``WriteError`` when the file cannot be created.
  public init(path: String) throws(WriteError) {
    self.path = path
    if path == "-" {
      descriptor = 1
      ownsDescriptor = false
    } else {
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0 else { throw WriteError(path: path, reason: Self.reason()) }
      ownsDescriptor = true
    }
  }

  /// A writer for an already open descriptor (2 for standard error), which it does not close.
  public init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
    ownsDescriptor = false
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Writes all the bytes, retrying interrupted and partial writes.
  /// - Throws: ``WriteError`` (a full disk, a closed pipe, …).
  public func write(_ bytes: some Collection<UInt8>) throws(WriteError) {
    let result: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
      Self.writeAll(descriptor, buffer)
    }
    let failed: Int32
    if let result {
      failed = result
    } else {
      failed = Array(bytes).withUnsafeBufferPointer { Self.writeAll(descriptor, $0) }
    }
    if failed != 0 { throw WriteError(path: path, reason: Self.reason(failed)) }
  }

  /// Writes a string's UTF-8.
  /// - Throws: ``WriteError``.
  public func write(_ text: String) throws(WriteError) {
    try write(Array(text.utf8))
  }

  /// Writes the whole buffer; returns 0, or the `errno` of the failure.
  private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard let base = buffer.baseAddress else { return 0 }
    var offset = 0
    while offset < buffer.count {
      let count = systemWrite(descriptor, base + offset, buffer.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += count
    }
    return 0
  }

  private static func reason(_ code: Int32 = errno) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }

  /// Whether a descriptor is a terminal (progress bars are drawn only on terminals).
  public static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }
}

/// libc's `write`, named apart from ``ByteWriter/write(_:)-(some Collection<UInt8>)``.
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(descriptor, pointer, count)
}
