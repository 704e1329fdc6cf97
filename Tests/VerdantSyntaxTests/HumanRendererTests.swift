import Testing
import VerdantSyntax

@Suite("Diagnostic rendering")
struct HumanRendererTests {
  @Test("the caret lines up under wide (Chinese) characters and tabs")
  func wideCharacters() {
    let file = SourceFile(path: "r.verdant", text: "let x = \"绿色\" +\tgrde // 信用\n")
    let start = file.text.utf8.count - "grde // 信用\n".utf8.count
    let diagnostic = Diagnostic(
      .error, .init(rawValue: "V2001"), "undeclared name `grde`",
      at: Span(file: file, start: start, end: start + 4), label: "not declared in this ruleset",
      help: "did you mean `grade`?")
    #expect(
      HumanRenderer().render(diagnostic) == """
        r.verdant:1:16: error: undeclared name `grde`
          |
        1 | let x = "绿色" +\tgrde // 信用
          |                 \t^^^^ not declared in this ruleset
          = help: did you mean `grade`?

        """)
  }

  @Test("notes show their own locations; the summary counts errors and warnings")
  func notesAndSummary() {
    let file = SourceFile(path: "r.verdant", text: "let a = 1\nlet a = 2\n")
    let first = Span(file: file, start: 4, end: 5)
    let second = Span(file: file, start: 14, end: 15)
    let diagnostic = Diagnostic(
      .error, .init(rawValue: "V2004"), "`a` is declared more than once", at: second,
      notes: [DiagnosticNote("first declared here", at: first)])
    let warning = Diagnostic(.warning, .init(rawValue: "V2011"), "unused", at: first)
    #expect(
      HumanRenderer().render([diagnostic, warning]) == """
        r.verdant:2:5: error: `a` is declared more than once
          |
        2 | let a = 2
          |     ^
          = note: first declared here (r.verdant:1:5)

        r.verdant:1:5: warning: unused
          |
        1 | let a = 1
          |     ^

        1 error, 1 warning

        """)
  }

  @Test("short form is one line per diagnostic, with the code")
  func shortForm() {
    let file = SourceFile(path: "r.verdant", text: "x")
    let diagnostic = Diagnostic(
      .warning, .init(rawValue: "V2011"), "unused", at: Span(file: file, start: 0, end: 1))
    #expect(ShortRenderer().render(diagnostic) == "r.verdant:1:1: warning: unused [V2011]")
  }
}
