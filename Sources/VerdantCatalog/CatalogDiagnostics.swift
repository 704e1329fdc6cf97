import VerdantSyntax
import VerdantValues

// Every catalog import diagnostic, one factory per kind, in alphabetical order of the factory
// name. Codes V3xxx never change meaning once released.

extension DiagnosticCode {
  /// The XML is not well formed: a syntax error, a truncated document, invalid UTF-8.
  public static let malformedXML = DiagnosticCode(rawValue: "V3001")
  /// The XML does not match the catalog's XSD.
  public static let schemaViolation = DiagnosticCode(rawValue: "V3002")
  /// A record has no value for a required (non-optional) field.
  public static let missingCatalogValue = DiagnosticCode(rawValue: "V3003")
  /// A value that does not convert to its field's declared type.
  public static let invalidCatalogValue = DiagnosticCode(rawValue: "V3004")
  /// Two records share a key in a catalog whose key is not `multiple`.
  public static let duplicateCatalogKey = DiagnosticCode(rawValue: "V3005")
  /// An entity reference, which catalogs never expand.
  public static let rejectedEntity = DiagnosticCode(rawValue: "V3006")
  /// The document exceeds an import limit (nesting depth, value length).
  public static let catalogLimitExceeded = DiagnosticCode(rawValue: "V3007")
  /// The XML or XSD file cannot be read.
  public static let unreadableCatalogFile = DiagnosticCode(rawValue: "V3008")
  /// The XSD itself is not a valid schema.
  public static let invalidSchema = DiagnosticCode(rawValue: "V3009")
  /// The record path matched no element (a warning: the catalog is empty).
  public static let unmatchedRecordPath = DiagnosticCode(rawValue: "V3010")
}

extension Diagnostic {
  static func catalogLimitExceeded(_ message: String, at span: Span, help: String) -> Diagnostic {
    Diagnostic(.error, .catalogLimitExceeded, message, at: span, help: help)
  }

  static func duplicateCatalogKey(
    _ key: String, field: String, lines: (first: Int, again: Int), at span: Span, first: Span
  ) -> Diagnostic {
    Diagnostic(
      .error, .duplicateCatalogKey,
      "duplicate key `\(key)` (field `\(field)`) on lines \(lines.first) and \(lines.again)",
      at: span, label: "this record repeats the key",
      notes: [DiagnosticNote("the first record with this key", at: first)],
      help: "remove one of the records, or declare the key `multiple` to keep both rows")
  }

  static func invalidCatalogValue(
    field: String, text: String, type: ValueType, reason: String?, help: String, at span: Span
  ) -> Diagnostic {
    Diagnostic(
      .error, .invalidCatalogValue, "field `\(field)`: `\(text)` is not a \(type)", at: span,
      label: reason, help: help)
  }

  static func invalidSchema(_ message: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .invalidSchema, "the schema is not a valid XSD: \(message)", at: span,
      help: "fix the schema, or remove the `schema` clause from the catalog")
  }

  static func malformedXML(_ message: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .malformedXML, "the XML is not well formed: \(message)", at: span,
      help: "fix the XML (it must be complete, UTF-8 or declare its encoding)")
  }

  static func missingCatalogValue(
    field: String, selector: XMLSelector, type: ValueType, at span: Span
  ) -> Diagnostic {
    Diagnostic(
      .error, .missingCatalogValue,
      "field `\(field)` (`\(selector)`) has no value in this record", at: span,
      help: "add the value to the XML, or declare the field optional (`\(type)?`)")
  }

  static func rejectedEntity(_ name: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .rejectedEntity, "entity reference `&\(name);` is not allowed in a catalog",
      at: span, label: "never expanded",
      help:
        "write the text itself; only `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and "
        + "character references such as `&#233;` are allowed")
  }

  static func rejectedEntity(libxml2Message message: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .rejectedEntity, "entity rejected: \(message)", at: span,
      help: "catalogs never expand entities; write the text itself")
  }

  static func schemaViolation(_ message: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .schemaViolation, "the XML does not match the schema: \(message)", at: span,
      help: "fix the record, or the schema if the record is right")
  }

  static func unmatchedRecordPath(_ path: XMLRecordPath, at span: Span) -> Diagnostic {
    Diagnostic(
      .warning, .unmatchedRecordPath, "the record path `\(path)` matched no element", at: span,
      help:
        "check the element names against the XML; unprefixed names match any namespace, "
        + "prefixed ones only the namespace declared for the prefix")
  }

  static func unreadableCatalogFile(_ what: String, reason: String, at span: Span) -> Diagnostic {
    Diagnostic(
      .error, .unreadableCatalogFile, "cannot read the \(what) file: \(reason)", at: span,
      help: "check the path in the catalog declaration and the file's permissions")
  }
}
