import VerdantValues

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The libc file operations snapshots need: whole-file reads, atomic writes, file status and
/// streaming hashes (no Foundation in the library).
enum SnapshotFile {
  /// A file's size and modification time: the fast "unchanged?" test.
  struct Status: Equatable {
    var size: UInt64
    var seconds: Int64
    var nanoseconds: Int64
  }

  /// The system's description of the current `errno`.
  static func errorText() -> String { String(cString: strerror(errno)) }

  /// The status of a file, or `nil` when it does not exist or cannot be examined.
  static func status(of path: String) -> Status? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return status(info)
  }

  private static func status(_ info: stat) -> Status {
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    return Status(
      size: UInt64(info.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
  }

  /// The SHA-256 of a file and its status, taken from the same open file.
  static func hash(_ path: String) -> Result<
    (digest: [UInt8], status: Status), CatalogSnapshotError
  > {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .failure(.unreadable(path: path, reason: errorText())) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(.unreadable(path: path, reason: errorText()))
    }
    var hasher = SHA256()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(path: path, reason: errorText()))
      }
      if count == 0 { break }
      chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
    return .success((hasher.finalize(), status(info)))
  }

  /// Writes a file atomically: to a temporary file beside it, flushed, then renamed over it,
  /// so a reader sees either the old file or the complete new one.
  static func writeAtomically(_ bytes: [UInt8], to path: String) -> CatalogSnapshotError? {
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { return .unwritable(path: path, reason: errorText()) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = errorText()
        close(descriptor)
        unlink(temporary)
        return .unwritable(path: path, reason: reason)
      }
      written += count
    }
    let synced = fsync(descriptor) == 0
    let syncError = synced ? "" : errorText()
    let closed = close(descriptor) == 0
    if !synced || !closed {
      let reason = synced ? errorText() : syncError
      unlink(temporary)
      return .unwritable(path: path, reason: reason)
    }
    if rename(temporary, path) != 0 {
      let reason = errorText()
      unlink(temporary)
      return .unwritable(path: path, reason: reason)
    }
    return nil
  }
}
