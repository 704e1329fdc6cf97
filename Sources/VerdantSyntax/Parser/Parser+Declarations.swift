import VerdantValues

extension Parser {
  // MARK: - File

  mutating func parseRuleset() -> RulesetSyntax {
    var header: RulesetHeader?
    var declarations: [Declaration] = []
    if atWord("ruleset") {
      let start = index
      header = try? parseHeader()
      if header == nil { recover(from: start, until: { _ in false }) }
    }
    while !at(.endOfFile) {
      if atWord("ruleset") {
        let start = current.span
        _ = try? parseHeader()
        diagnostics.report(.misplacedHeader(at: span(from: start)))
        continue
      }
      let start = index
      do {
        declarations.append(try parseDeclaration())
      } catch {
        recover(from: start, until: { $0.isAtLineStart && Parser.isDeclarationStart($0) })
        // A stray `}` at the top level ends nothing; step over it.
        if at(.rightBrace) { advance() }
      }
    }
    return RulesetSyntax(file: file, header: header, declarations: declarations)
  }

  mutating func parseHeader() throws(Failure) -> RulesetHeader {
    let start = advance()
    let name = try expectString("after `ruleset`")
    var version: StringLiteral?
    var authority: StringLiteral?
    var effective: DateLiteral?
    while true {
      if eatWord("version") != nil {
        version = try expectString("after `version`")
      } else if eatWord("authority") != nil {
        authority = try expectString("after `authority`")
      } else if eatWord("effective") != nil {
        effective = try expectDate("after `effective`")
      } else {
        break
      }
    }
    return RulesetHeader(
      name: name, version: version, authority: authority, effective: effective,
      doc: start.docComment, span: span(from: start.span))
  }

  // MARK: - Declarations

  mutating func parseDeclaration() throws(Failure) -> Declaration {
    let start = current
    let kind: DeclarationKind
    switch start.kind == .identifier ? start.text : "" {
    case "enum": kind = .enumeration(try parseEnum())
    case "input": kind = .input(try parseRecordBody(keyword: "input"))
    case "record": kind = .record(try parseRecordBody(keyword: "record"))
    case "let": kind = .value(try parseLet(isOutput: false))
    case "output":
      advance()
      guard atWord("let") else {
        throw fail(.expectedToken("`let`", "after `output`", found: current))
      }
      kind = .value(try parseLet(isOutput: true))
    case "param": kind = .parameter(try parseParam())
    case "fn": kind = .function(try parseFunction())
    case "import":
      advance()
      kind = .importFile(ImportDeclaration(path: try expectString("after `import`")))
    case "rule": kind = .rule(try parseRule())
    case "scorecard": kind = .scorecard(try parseScorecard())
    case "table": kind = .table(try parseTable())
    case "test": kind = .test(try parseTest())
    case "regions": kind = .regions(try parseRegions())
    case "standard": kind = .standard(try parseStandard())
    case "equivalent": kind = .equivalent(try parseEquivalent())
    case "catalog": kind = .catalog(try parseCatalog())
    default:
      let suggestion =
        start.kind == .identifier
        ? NameSuggestion.closest(to: start.text, among: Self.declarationWords.sorted()) : nil
      throw fail(.expectedDeclaration(found: start, suggestion: suggestion))
    }
    return Declaration(kind: kind, doc: start.docComment, span: span(from: start.span))
  }

  mutating func parseEnum() throws(Failure) -> EnumDeclaration {
    let keyword = advance()
    let name = try expectIdentifier("after `enum`")
    try expect(.leftBrace, "after the enum name")
    var cases: [Identifier] = []
    while !at(.rightBrace), !at(.endOfFile) {
      cases.append(try expectIdentifier("as an enum case"))
      _ = eat(.comma)
    }
    try expect(.rightBrace, "to close the enum")
    if cases.isEmpty {
      diagnostics.report(
        .emptyBlock(
          "enum `\(name.name)`", at: span(from: keyword.span), help: "list its cases: `{ A, B }`"))
    }
    return EnumDeclaration(name: name, cases: cases)
  }

  mutating func parseRecordBody(keyword: String) throws(Failure) -> RecordDeclaration {
    advance()
    let name = try expectIdentifier("after `\(keyword)`")
    try expect(.leftBrace, "after the \(keyword) name")
    var fields: [RecordDeclaration.Field] = []
    while !at(.rightBrace), !at(.endOfFile) {
      let start = index
      do {
        let doc = current.docComment
        let fieldName = try expectIdentifier("as a field name")
        try expect(.colon, "after the field name `\(fieldName.name)`")
        let type = try parseType()
        fields.append(RecordDeclaration.Field(name: fieldName, type: type, doc: doc))
        _ = eat(.comma)
      } catch {
        recover(from: start, until: { $0.isAtLineStart && $0.kind == .identifier })
      }
    }
    try expect(.rightBrace, "to close `\(name.name)`")
    return RecordDeclaration(name: name, fields: fields)
  }

  mutating func parseLet(isOutput: Bool) throws(Failure) -> LetDeclaration {
    advance()
    let name = try expectIdentifier("after `let`")
    var type: TypeSyntax?
    if eat(.colon) != nil { type = try parseType() }
    try expect(.equal, "after `let \(name.name)`")
    let value = try parseExpression("after `=`")
    return LetDeclaration(name: name, type: type, value: value, isOutput: isOutput)
  }

  mutating func parseParam() throws(Failure) -> ParamDeclaration {
    advance()
    let name = try expectIdentifier("after `param`")
    try expect(
      .colon, "after `param \(name.name)`",
      help: "parameters need a type: `param \(name.name): Money { … }`")
    let type = try parseType()
    try expect(.leftBrace, "after the parameter type")
    var versions: [ParamDeclaration.Version] = []
    let errorsBefore = diagnostics.diagnostics.count
    while !at(.rightBrace), !at(.endOfFile) {
      let start = index
      do {
        let date = try expectDate("as the first day of a parameter value")
        try expect(.colon, "after the date")
        let value = try parseExpression("as the parameter value")
        versions.append(ParamDeclaration.Version(date: date, value: value))
        _ = eat(.comma)
      } catch {
        recover(from: start, until: { $0.isAtLineStart && $0.kind == .date })
      }
    }
    let close = try expect(.rightBrace, "to close the parameter")
    if versions.isEmpty, diagnostics.diagnostics.count == errorsBefore {
      diagnostics.report(
        .emptyBlock(
          "parameter `\(name.name)`", at: name.span.merged(with: close.span),
          help: "give at least one dated value: `2025-01-01: …`"))
    }
    return ParamDeclaration(name: name, type: type, versions: versions)
  }

  mutating func parseFunction() throws(Failure) -> FunctionDeclaration {
    advance()
    let name = try expectIdentifier("after `fn`")
    let parameters = try parseParameterList()
    try expect(.colon, "before the result type", help: "write `fn \(name.name)(…): Type = …`")
    let resultType = try parseType()
    try expect(.equal, "before the function body")
    let body = try parseExpression("as the function body")
    return FunctionDeclaration(
      name: name, parameters: parameters, resultType: resultType, body: body)
  }

  mutating func parseRule() throws(Failure) -> RuleDeclaration {
    advance()
    let name = try expectIdentifier("after `rule`")
    var type: TypeSyntax?
    if eat(.colon) != nil { type = try parseType() }
    let open = try expect(.leftBrace, "to open the rule body")
    var branches: [RuleDeclaration.Branch] = []
    var otherwise: Span?
    let errorsBefore = diagnostics.diagnostics.count
    while !at(.rightBrace), !at(.endOfFile) {
      if isDeclarationStart(current), current.isAtLineStart { break }
      let start = index
      do {
        let branch = try parseBranch()
        if let otherwise {
          diagnostics.report(.misplacedOtherwise(at: branch.span, otherwise: otherwise))
        } else if branch.isOtherwise {
          otherwise = branch.span
        }
        branches.append(branch)
      } catch {
        recover(
          from: start, until: { $0.kind == .keyword(.when) || $0.kind == .keyword(.otherwise) })
      }
    }
    let close = try expect(.rightBrace, "to close the rule `\(name.name)`")
    if branches.isEmpty, diagnostics.diagnostics.count == errorsBefore {
      diagnostics.report(
        .emptyBlock(
          "rule `\(name.name)`", at: open.span.merged(with: close.span),
          help: "add branches: `when condition => value` and `otherwise => value`"))
    }
    return RuleDeclaration(name: name, type: type, branches: branches)
  }

  mutating func parseBranch() throws(Failure) -> RuleDeclaration.Branch {
    let start = current
    var condition: Expr?
    if eat(.when) != nil {
      condition = try parseExpression("after `when`")
    } else if eat(.otherwise) == nil {
      throw fail(
        .expectedToken(
          "`when` or `otherwise`", "in a rule body", found: current,
          help: "each branch is `when condition => value` or `otherwise => value`"))
    }
    try expect(.fatArrow, condition == nil ? "after `otherwise`" : "after the condition")
    let value = try parseExpression("after `=>`")
    var reason: StringLiteral?
    if eat(.because) != nil {
      reason = try expectString("after `because`")
    }
    return RuleDeclaration.Branch(
      condition: condition, value: value, reason: reason, span: span(from: start.span))
  }

  // MARK: - Literals in declarations

  mutating func expectString(_ context: String) throws(Failure) -> StringLiteral {
    guard at(.string) else {
      throw fail(.expectedToken("a string", context, found: current))
    }
    let token = advance()
    return StringLiteral(value: token.stringValue ?? "", span: token.span)
  }

  mutating func expectDate(_ context: String) throws(Failure) -> DateLiteral {
    guard at(.date) else {
      throw fail(
        .expectedToken("a date", context, found: current, help: "write dates as YYYY-MM-DD"))
    }
    let token = advance()
    validateDate(token)
    return DateLiteral(text: token.text, span: token.span)
  }
}
