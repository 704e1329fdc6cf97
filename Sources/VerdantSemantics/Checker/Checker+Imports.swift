import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Parses the main file and, depth first, every file it imports. Each file is loaded once;
  /// an import cycle is reported at the `import` that closes it.
  func loadUnits(main: SourceFile) {
    var loaded: [String: SourceFile] = [:]
    var inProgress: [String] = []

    func visit(_ file: SourceFile) {
      loaded[file.path] = file
      inProgress.append(file.path)
      defer { inProgress.removeLast() }
      let (syntax, syntaxDiagnostics) = Parser.parse(file)
      diagnostics.report(contentsOf: syntaxDiagnostics)
      var imports = syntax.declarations.compactMap { declaration -> StringLiteral? in
        guard case .importFile(let importDecl) = declaration.kind else { return nil }
        return importDecl.path
      }
      if file === main {
        let anchor = Span(file: file, start: 0, end: 0)
        imports = implicitImports.map { StringLiteral(value: $0, span: anchor) } + imports
      }
      for path in imports {
        let resolved = FileSystem.resolve(path.value, relativeToFile: file.path)
        if inProgress.contains(resolved) {
          report(
            .invalidImport(
              "import cycle: `\(resolved)` imports itself through "
                + inProgress.map { "`\($0)`" }.joined(separator: " -> "),
              at: path.span, help: "move shared declarations into a file both can import"))
          continue
        }
        if loaded[resolved] != nil { continue }
        do {
          let imported = try loader.load(path.value, importedFrom: file)
          if loaded[imported.path] != nil { continue }
          visit(imported)
        } catch {
          report(.invalidImport("cannot import `\(path.value)`: \(error.reason)", at: path.span))
        }
      }
      // Imports come first so that their declarations precede the importer's.
      units.append(syntax)
    }
    visit(main)
  }
}
