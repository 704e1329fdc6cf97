extension Parser {
  // MARK: - regions

  /// `regions { CN { CN-ZJ { CN-ZJ-HZ } CN-SD } EU { EU-DE, EU-FR } }`.
  mutating func parseRegions() throws(Failure) -> RegionsDeclaration {
    advance()
    try expect(.leftBrace, "after `regions`")
    let roots = try parseRegionNodes()
    try expect(.rightBrace, "to close `regions`")
    return RegionsDeclaration(roots: roots)
  }

  /// Region codes separated by line breaks or commas, each optionally followed by its children
  /// in braces.
  private mutating func parseRegionNodes() throws(Failure) -> [RegionsDeclaration.Node] {
    var nodes: [RegionsDeclaration.Node] = []
    while !at(.rightBrace), !at(.endOfFile) {
      guard at(.regionCode) || at(.identifier) else {
        throw fail(
          .expectedToken(
            "a region code", "in `regions`", found: current,
            help: "region codes are uppercase words joined by hyphens, e.g. `CN-ZJ-HZ`"))
      }
      let token = advance()
      var children: [RegionsDeclaration.Node] = []
      if eat(.leftBrace) != nil {
        children = try parseRegionNodes()
        try expect(.rightBrace, "to close the regions below `\(token.text)`")
      }
      nodes.append(.init(code: Identifier(name: token.text, span: token.span), children: children))
      _ = eat(.comma)
    }
    return nodes
  }

  // MARK: - standard

  /// `standard NAME(params): T { default in R = expr  exception in R2 = expr … }`.
  mutating func parseStandard() throws(Failure) -> StandardDeclaration {
    advance()
    let name = try expectIdentifier("after `standard`")
    let parameters = try parseParameterList()
    try expect(.colon, "before the standard's type", help: "write `standard \(name.name)(…): Type { … }`")
    let resultType = try parseType()
    let open = try expect(.leftBrace, "to open the standard")
    var cases: [StandardDeclaration.Case] = []
    let errorsBefore = diagnostics.diagnostics.count
    while !at(.rightBrace), !at(.endOfFile) {
      if isDeclarationStart(current), current.isAtLineStart { break }
      let start = index
      do {
        let first = current
        let isDefault: Bool
        if eatWord("default") != nil {
          isDefault = true
        } else if eatWord("exception") != nil {
          isDefault = false
        } else {
          throw fail(
            .expectedToken(
              "`default` or `exception`", "in a standard", found: current,
              help: "write `default in CN = …` or `exception in CN-ZJ = …`"))
        }
        try expect(.keyword(.in), "after `\(first.text)`")
        let region = try parseCoalesce()
        try expect(.equal, "after the region")
        let value = try parseExpression("as the standard's value")
        cases.append(
          .init(isDefault: isDefault, region: region, value: value, span: span(from: first.span)))
        _ = eat(.semicolon)
      } catch {
        recover(from: start, until: { $0.isWord("default") || $0.isWord("exception") })
      }
    }
    let close = try expect(.rightBrace, "to close the standard `\(name.name)`")
    if cases.isEmpty, diagnostics.diagnostics.count == errorsBefore {
      diagnostics.report(
        .emptyBlock(
          "standard `\(name.name)`", at: open.span.merged(with: close.span),
          help: "add `default in REGION = value`"))
    }
    return StandardDeclaration(
      name: name, parameters: parameters, resultType: resultType, cases: cases)
  }

  /// `(a: T, b: U)`.
  mutating func parseParameterList() throws(Failure) -> [FunctionDeclaration.Parameter] {
    try expect(.leftParen, "after the name")
    var parameters: [FunctionDeclaration.Parameter] = []
    while !at(.rightParen), !at(.endOfFile) {
      let parameter = try expectIdentifier("as a parameter name")
      try expect(.colon, "after the parameter `\(parameter.name)`")
      parameters.append(.init(name: parameter, type: try parseType()))
      if eat(.comma) == nil { break }
    }
    try expect(.rightParen, "to close the parameter list")
    return parameters
  }

  // MARK: - equivalent

  /// `equivalent { "GB/T 19630" in CN, "EU 2018/848" in EU }`.
  mutating func parseEquivalent() throws(Failure) -> EquivalentDeclaration {
    advance()
    let open = try expect(.leftBrace, "after `equivalent`")
    var members: [EquivalentDeclaration.Member] = []
    while !at(.rightBrace), !at(.endOfFile) {
      let code = try expectString("as a certification or standard code")
      try expect(.keyword(.in), "after the code", help: "write `\"GB/T 19630\" in CN`")
      let region = try parseCoalesce()
      members.append(.init(code: code, region: region))
      if eat(.comma) == nil, !current.isAtLineStart { break }
    }
    let close = try expect(.rightBrace, "to close `equivalent`")
    if members.count < 2 {
      diagnostics.report(
        .emptyBlock(
          "`equivalent`", at: open.span.merged(with: close.span),
          help: "list at least two codes that recognise each other: `{ \"A\" in CN, \"B\" in EU }`"))
    }
    return EquivalentDeclaration(members: members)
  }

  // MARK: - catalog

  /// `catalog NAME from xml "PATH" [schema "XSD"] [snapshot "VCAT"] records "PATH" key FIELD
  /// [multiple] { namespace p = "uri"  field: Type = selector … }`.
  mutating func parseCatalog() throws(Failure) -> CatalogDeclaration {
    advance()
    let name = try expectIdentifier("after `catalog`")
    guard eatWord("from") != nil, eatWord("xml") != nil else {
      throw fail(
        .expectedToken(
          "`from xml \"PATH\"`", "after the catalog name", found: current,
          help: "write `catalog \(name.name) from xml \"catalogs/file.xml\" records \"/root/record\" key code { … }`"))
    }
    let xmlPath = try expectString("after `from xml`")
    var schema: StringLiteral?
    var snapshot: StringLiteral?
    var records: StringLiteral?
    var key: Identifier?
    var multiple = false
    while !at(.leftBrace), !at(.endOfFile) {
      if eatWord("schema") != nil {
        schema = try expectString("after `schema`")
      } else if eatWord("snapshot") != nil {
        snapshot = try expectString("after `snapshot`")
      } else if eatWord("records") != nil {
        records = try expectString("after `records`", )
      } else if eatWord("key") != nil {
        key = try expectIdentifier("after `key`")
        multiple = eatWord("multiple") != nil
      } else {
        throw fail(
          .expectedToken(
            "`schema`, `snapshot`, `records`, `key` or `{`", "in the catalog declaration",
            found: current))
      }
    }
    guard let records else {
      throw fail(
        .expectedToken(
          "`records \"/path/to/record\"`", "before the fields", found: current,
          help: "name the record elements, e.g. `records \"/catalog/standard/limit\"`"))
    }
    guard let key else {
      throw fail(
        .expectedToken(
          "`key FIELD`", "before the fields", found: current,
          help: "name the field rows are looked up by, e.g. `key product`"))
    }
    try expect(.leftBrace, "to open the catalog's fields")
    var namespaces: [CatalogDeclaration.Namespace] = []
    var fields: [CatalogDeclaration.Field] = []
    while !at(.rightBrace), !at(.endOfFile) {
      let start = index
      do {
        if eatWord("namespace") != nil {
          let prefix = try expectIdentifier("after `namespace`")
          try expect(.equal, "after the prefix")
          namespaces.append(.init(prefix: prefix, uri: try expectString("as the namespace URI")))
          continue
        }
        let doc = current.docComment
        let field = try expectIdentifier("as a field name")
        try expect(.colon, "after the field name `\(field.name)`")
        let type = try parseType()
        try expect(.equal, "before the selector", help: "write `\(field.name): Type = @attribute`")
        let (selector, span) = try parseSelectorText()
        fields.append(
          .init(name: field, type: type, selector: selector, selectorSpan: span, doc: doc))
      } catch {
        recover(from: start, until: { $0.isAtLineStart })
      }
    }
    try expect(.rightBrace, "to close the catalog `\(name.name)`")
    return CatalogDeclaration(
      name: name, xmlPath: xmlPath, schema: schema, snapshot: snapshot, records: records,
      key: key, allowsDuplicateKeys: multiple, namespaces: namespaces, fields: fields)
  }

  /// A selector is the rest of the line, taken as written (`Value[@ColumnRef='code']/SimpleValue`).
  private mutating func parseSelectorText() throws(Failure) -> (String, Span) {
    guard !current.isAtLineStart, !at(.rightBrace), !at(.endOfFile) else {
      throw fail(
        .expectedToken(
          "a selector", "after `=`", found: current,
          help: "selectors are `@attribute`, `child/grandchild`, `../@attribute`, `.`"))
    }
    let first = advance()
    var last = first
    while !current.isAtLineStart, !at(.rightBrace), !at(.endOfFile) { last = advance() }
    let span = first.span.merged(with: last.span)
    return (span.text, span)
  }
}
