import Foundation
import Testing

/// What one run of the `verdant` binary produced.
struct CLIResult {
  let status: Int32
  let stdout: String
  let stderr: String
}

/// Runs the built `verdant` binary, as argument-parser's `AssertExecuteCommand` does.
enum CLIRunner {
  /// The `verdant` executable next to the test bundle in the build folder.
  static let executable: URL? = built("verdant")

  /// An executable product next to the test bundle in the build folder.
  static func built(_ name: String) -> URL? {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = directory.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    return nil
  }

  /// Runs `verdant` (or another built executable) with arguments in a working directory.
  static func run(_ arguments: [String], in directory: URL, executable name: String = "verdant")
    throws -> CLIResult
  {
    let binary = try #require(
      name == "verdant" ? executable : built(name), "the \(name) binary was not built")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so a full pipe cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// A fresh temporary directory holding the given files.
  static func directory(with files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("verdant-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return directory
  }
}
