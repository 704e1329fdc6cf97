#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Minimal file access over libc, so the library needs no Foundation.
public enum FileSystem {
  /// Why a file could not be read.
  public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path that failed.
    public let path: String
    /// The system's reason (`No such file or directory`).
    public let reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    /// `cannot read PATH: REASON`.
    public var description: String { "cannot read \(path): \(reason)" }
  }

  /// Reads a whole file.
  /// - Parameter path: The path to read.
  /// - Returns: The file's bytes.
  /// - Throws: ``ReadError`` naming the path and the system's reason.
  public static func readBytes(atPath path: String) throws(ReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw ReadError(path: path, reason: currentErrorText()) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
      throw ReadError(path: path, reason: "it is a directory")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw ReadError(path: path, reason: currentErrorText())
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }

  /// Reads a whole file as UTF-8 text.
  /// - Throws: ``ReadError`` when the file cannot be read or is not valid UTF-8.
  public static func readText(atPath path: String) throws(ReadError) -> String {
    let bytes = try readBytes(atPath: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ReadError(path: path, reason: "the file is not valid UTF-8")
    }
    return text
  }

  /// Whether a regular file or directory exists at a path.
  public static func exists(atPath path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0
  }

  /// Whether the path names a directory.
  public static func isDirectory(atPath path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  /// Resolves `path` against the directory of `base`, normalising `.` and `..` segments.
  /// - Parameters:
  ///   - path: A relative or absolute path.
  ///   - base: The file whose directory relative paths start from.
  /// - Returns: The combined path.
  public static func resolve(_ path: String, relativeToFile base: String) -> String {
    if path.hasPrefix("/") { return normalize(path) }
    let directory = base.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    return normalize(directory.isEmpty ? path : directory + "/" + path)
  }

  /// Removes `.` segments and folds `dir/..`, keeping leading `..` of relative paths.
  public static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == "..", absolute {
        continue
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }

  private static func currentErrorText() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    return String(cString: message)
  }
}

extension FileSystem {
  /// The names in a directory (without `.` and `..`), sorted; empty when it cannot be read.
  public static func contentsOfDirectory(atPath path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
        String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Every regular file under `path` (or `path` itself when it is a file) whose name ends with
  /// `suffix`, sorted; hidden directories and build folders are skipped.
  public static func files(under path: String, withSuffix suffix: String) -> [String] {
    guard isDirectory(atPath: path) else { return path.hasSuffix(suffix) ? [path] : [] }
    var found: [String] = []
    for name in contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
      let child = path.hasSuffix("/") ? path + name : path + "/" + name
      if isDirectory(atPath: child) {
        found += files(under: child, withSuffix: suffix)
      } else if name.hasSuffix(suffix) {
        found.append(child)
      }
    }
    return found
  }
}
