#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file (or standard input) in large blocks, for streaming parsers that must not hold
/// the whole input in memory.
public final class ByteReader {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var finished = false
  /// The path being read (`-` for standard input).
  public let path: String
  /// How many bytes the lines returned so far took up, line breaks included.
  public private(set) var bytesConsumed = 0

  /// Opens a file, or standard input for `-`.
  /// - Throws: ``FileSystem/ReadError`` when the file cannot be opened.
  public init(path: String, blockSize: Int = 1 << 20) throws(FileSystem.ReadError) {
    self.path = path
    if path == "-" {
      descriptor = 0
      ownsDescriptor = false
    } else {
      descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        let reason = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
        throw FileSystem.ReadError(path: path, reason: reason)
      }
      ownsDescriptor = true
    }
    buffer = [UInt8](repeating: 0, count: max(blockSize, 4096))
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// The next line without its `\n` (and a trailing `\r`), or `nil` at the end of the input.
  /// - Throws: ``FileSystem/ReadError`` on a read failure.
  public func nextLine() throws(FileSystem.ReadError) -> [UInt8]? {
    var line: [UInt8] = []
    return try appendNextLine(to: &line) ? line : nil
  }

  /// Appends the next line, without its `\n` (and a trailing `\r`), to `bytes`.
  /// - Returns: `false` at the end of the input (nothing appended).
  /// - Throws: ``FileSystem/ReadError`` on a read failure.
  public func appendNextLine(to bytes: inout [UInt8]) throws(FileSystem.ReadError) -> Bool {
    while true {
      if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
        let lineEnd = newline > start && buffer[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
        bytes.append(contentsOf: buffer[start..<lineEnd])
        bytesConsumed += newline + 1 - start
        start = newline + 1
        return true
      }
      if finished {
        guard start < end else { return false }
        let lineEnd = buffer[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
        bytes.append(contentsOf: buffer[start..<lineEnd])
        bytesConsumed += end - start
        start = end
        return true
      }
      try fill()
    }
  }

  /// The size of the file in bytes, or `nil` for a pipe or terminal (for progress estimates).
  public var totalBytes: Int? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(status.st_size)
  }

  /// Reads more bytes, keeping the unread tail; grows the buffer for lines longer than a block.
  private func fill() throws(FileSystem.ReadError) {
    if start > 0 {
      let remaining = end - start
      if remaining > 0 {
        buffer.withUnsafeMutableBufferPointer { pointer in
          guard let base = pointer.baseAddress else { return }
          memmove(base, base + start, remaining)
        }
      }
      start = 0
      end = remaining
    }
    if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
    while true {
      let count = buffer.withUnsafeMutableBufferPointer { pointer in
        read(descriptor, pointer.baseAddress.map { $0 + end }, pointer.count - end)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
        throw FileSystem.ReadError(path: path, reason: reason)
      }
      if count == 0 { finished = true }
      end += count
      return
    }
  }
}
