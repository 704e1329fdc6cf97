import VerdantValues

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a snapshot file front to back, hashing every body byte as it goes (XXH64), and reads
/// each flat array with `read(2)` straight into the array's own storage: a load holds the
/// table and one small buffer, never a second copy of the file.
///
/// Nothing read is trusted before ``verifyChecksum()`` says the body is intact; callers check
/// every array's length and contents as they read, so a damaged file fails cleanly whatever
/// it holds, and then report damage first if the checksum also disagrees.
final class SnapshotReader {
  typealias Failure = SnapshotDecoder.Failure

  private let descriptor: Int32
  /// The file's size.
  let size: Int
  /// Where the body ends and the trailing checksum starts.
  let bodyEnd: Int
  /// The file position of the next byte to consume.
  private(set) var position = 0
  private var hasher = XXHash64()
  private var buffer: UnsafeMutableRawBufferPointer
  /// Buffered bytes not yet consumed: `buffer[start..<end]`, at file position `position`.
  private var start = 0
  private var end = 0

  /// Opens a snapshot file.
  /// - Returns: The reader, or the error that makes the file unreadable.
  static func opening(_ path: String, checksumSize: Int)
    -> Result<SnapshotReader, CatalogSnapshotError>
  {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return .failure(.unreadable(path: path, reason: SnapshotFile.errorText()))
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let reason = SnapshotFile.errorText()
      close(descriptor)
      return .failure(.unreadable(path: path, reason: reason))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      return .failure(.unreadable(path: path, reason: "it is a directory"))
    }
    return .success(
      SnapshotReader(descriptor: descriptor, size: Int(info.st_size), checksumSize: checksumSize))
  }

  private init(descriptor: Int32, size: Int, checksumSize: Int) {
    self.descriptor = descriptor
    self.size = size
    bodyEnd = max(0, size - checksumSize)
    buffer = .allocate(byteCount: 1 << 16, alignment: 16)
  }

  deinit {
    buffer.deallocate()
    close(descriptor)
  }

  // MARK: - Raw reading

  /// Reads from the file into memory.
  /// - Returns: The bytes read (0 at the end of the file), or `nil` on an error.
  private func fill(_ target: UnsafeMutableRawPointer, count: Int) -> Int? {
    while true {
      let got = read(descriptor, target, count)
      if got < 0 {
        if errno == EINTR { continue }
        return nil
      }
      return got
    }
  }

  /// Makes `count` body bytes available in the buffer (`count` at most its size).
  private func ensure(_ count: Int) throws(Failure) {
    guard position + count <= bodyEnd else { throw Failure(reason: "unexpected end of data") }
    guard end - start < count else { return }
    try refill(toHold: count)
  }

  /// Consumes `count` bytes (at most 64 KiB), hashing them.
  /// - Returns: The bytes, valid until the next read.
  func bytes(_ count: Int) throws(Failure) -> UnsafeRawBufferPointer {
    if count > buffer.count {
      let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
      if end > start, let base = buffer.baseAddress {
        larger.baseAddress?.copyMemory(from: base + start, byteCount: end - start)
      }
      end -= start
      start = 0
      buffer.deallocate()
      buffer = larger
    }
    try ensure(count)
    let result = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
    hasher.update(result)
    start += count
    position += count
    return result
  }

  /// A little-endian unsigned integer of `width` bytes.
  func fixed(width: Int) throws(Failure) -> UInt64 {
    let raw = try bytes(width)
    var value: UInt64 = 0
    for index in 0..<width { value |= UInt64(raw[index]) << (8 * UInt64(index)) }
    return value
  }

  /// Skips the padding up to the next multiple of 8.
  func align() throws(Failure) {
    let padding = ((position + 7) & ~7) - position
    if padding > 0 { _ = try bytes(padding) }
  }

  /// An 8-byte count, which must be plausible for the bytes left (each item takes one).
  func count() throws(Failure) -> Int {
    let value = try fixed(width: 8)
    guard value <= UInt64(bodyEnd - position) else {
      throw Failure(reason: "a count exceeds the data")
    }
    return Int(value)
  }

  /// A flat array (see `SnapshotEncoder.array(_:)`), read into its own storage.
  func array<Element: FixedWidthInteger>(of _: Element.Type) throws(Failure) -> [Element] {
    let stored = try fixed(width: 8)
    try align()
    let size = MemoryLayout<Element>.size
    guard stored <= UInt64((bodyEnd - position) / size) else {
      throw Failure(reason: "an array exceeds the data")
    }
    let count = Int(stored)
    guard count > 0 else { return [] }
    var failed = false
    let result = [Element](unsafeUninitializedCapacity: count) { elements, initialized in
      let target = UnsafeMutableRawBufferPointer(elements)
      let total = count * size
      guard let base = target.baseAddress else { return }
      // Buffered bytes first, then straight from the file.
      let buffered = min(end - start, total)
      if buffered > 0, let source = buffer.baseAddress {
        base.copyMemory(from: source + start, byteCount: buffered)
        start += buffered
      }
      var filled = buffered
      while filled < total {
        guard let got = fill(base + filled, count: total - filled), got > 0 else {
          failed = true
          break
        }
        filled += got
      }
      if failed {
        // Leave the memory initialised; the array is discarded.
        (base + filled).initializeMemory(as: UInt8.self, repeating: 0, count: total - filled)
      }
      hasher.update(UnsafeRawBufferPointer(start: base, count: total))
      position += total
      #if !_endian(little)
        for index in 0..<count { elements[index] = Element(littleEndian: elements[index]) }
      #endif
      initialized = count
    }
    if failed { throw Failure(reason: "unexpected end of data") }
    return result
  }

  /// A segment of encoded values: its byte length (8 bytes), the bytes, padding.
  /// - Returns: The bytes, valid until the next read.
  func segment() throws(Failure) -> UnsafeRawBufferPointer {
    let length = try count()
    let padding = ((position + length + 7) & ~7) - (position + length)
    let raw = try bytes(length + padding)
    return UnsafeRawBufferPointer(rebasing: raw[0..<length])
  }

  // MARK: - Checksum

  /// Consumes the rest of the body, then compares the hash of the whole body with the
  /// trailing checksum.
  func verifyChecksum(size checksumSize: Int) -> Bool {
    guard size >= checksumSize else { return false }
    while position < bodyEnd {
      let step = min(buffer.count, bodyEnd - position)
      guard (try? bytes(step)) != nil else { return false }
    }
    // The trailer is not part of the hash.
    var trailer: UInt64 = 0
    do {
      try ensureTrailer(checksumSize)
      for index in 0..<checksumSize {
        trailer |=
          UInt64(buffer.load(fromByteOffset: start + index, as: UInt8.self))
          << (8 * UInt64(index))
      }
    } catch {
      return false
    }
    return hasher.finalize() == trailer
  }

  /// Makes the trailer available in the buffer (it lies past `bodyEnd`).
  private func ensureTrailer(_ count: Int) throws(Failure) {
    if end - start >= count { return }
    try refill(toHold: count)
  }

  /// Moves the unread bytes to the front of the buffer and reads until it holds `count`.
  private func refill(toHold count: Int) throws(Failure) {
    if start > 0 {
      let kept = end - start
      if kept > 0, let base = buffer.baseAddress {
        base.copyMemory(from: base + start, byteCount: kept)
      }
      start = 0
      end = kept
    }
    while end < count {
      guard let base = buffer.baseAddress,
        let got = fill(base + end, count: buffer.count - end), got > 0
      else { throw Failure(reason: "unexpected end of data") }
      end += got
    }
  }
}
