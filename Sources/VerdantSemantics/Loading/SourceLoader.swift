import VerdantSyntax
import VerdantValues

/// Supplies the text of imported ruleset files.
///
/// The checker asks for imports through this protocol so that embedders can serve rulesets
/// from memory, a database or a bundle instead of the file system.
public protocol SourceLoader: Sendable {
  /// Loads the file an `import` names.
  /// - Parameters:
  ///   - path: The path as written in the `import`.
  ///   - importer: The file containing the `import`.
  /// - Returns: The loaded file; its ``SourceFile/path`` identifies it (the same file imported
  ///   twice is loaded once).
  /// - Throws: A ``SourceLoadError`` saying why it could not be loaded.
  func load(_ path: String, importedFrom importer: SourceFile) throws(SourceLoadError) -> SourceFile
}

/// Why an imported file could not be loaded.
public struct SourceLoadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The reason, lowercase, one line.
  public let reason: String

  /// Creates an error.
  public init(_ reason: String) { self.reason = reason }

  /// The reason.
  public var description: String { reason }
}

/// Loads imports from the file system, relative to the importing file.
public struct FileSystemSourceLoader: SourceLoader {
  /// Creates a loader.
  public init() {}

  /// Reads `path` relative to the importer's directory.
  public func load(_ path: String, importedFrom importer: SourceFile) throws(SourceLoadError)
    -> SourceFile
  {
    let resolved = FileSystem.resolve(path, relativeToFile: importer.path)
    do {
      return SourceFile(path: resolved, text: try FileSystem.readText(atPath: resolved))
    } catch {
      throw SourceLoadError(
        error.reason == "No such file or directory"
          ? "no file at `\(resolved)`" : "cannot read `\(resolved)`: \(error.reason)")
    }
  }
}

/// Serves imports from a dictionary of path → text (for tests and embedders).
public struct InMemorySourceLoader: SourceLoader {
  /// The files by path.
  public let files: [String: String]

  /// Creates a loader over in-memory files.
  public init(files: [String: String]) { self.files = files }

  /// Looks `path` up, resolved relative to the importer.
  public func load(_ path: String, importedFrom importer: SourceFile) throws(SourceLoadError)
    -> SourceFile
  {
    let resolved = FileSystem.resolve(path, relativeToFile: importer.path)
    guard let text = files[resolved] ?? files[path] else {
      throw SourceLoadError("no file at `\(resolved)`")
    }
    return SourceFile(path: resolved, text: text)
  }
}
