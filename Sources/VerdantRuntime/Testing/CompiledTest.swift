import VerdantSemantics
import VerdantSyntax
import VerdantValues

/// A test compiled for running: its inputs and its expectations as closures.
struct CompiledTest: Sendable {
  /// One expectation: the condition, and for `a == b` the two sides to show on failure.
  struct Expectation: Sendable {
    let condition: Thunk<Bool>
    let sides: (actual: Thunk<Value>, expected: Thunk<Value>)?
    let text: String
    let span: Span
  }

  let test: CheckedTest
  let expectations: [Expectation]
}

extension Compiler {
  /// Compiles a test's expectations with this compiler's readers.
  func compileTest(_ test: CheckedTest) -> CompiledTest {
    let saved = currentDeclaration
    currentDeclaration = "test \"\(test.name)\""
    defer { currentDeclaration = saved }
    let expectations = test.expectations.map { expectation in
      CompiledTest.Expectation(
        condition: bool(compile(expectation.condition)),
        sides: expectation.sides.map { sides in
          (value(compile(sides.actual), sides.actual.type), value(compile(sides.expected), sides.expected.type))
        },
        text: expectation.condition.span.text, span: expectation.condition.span)
    }
    return CompiledTest(test: test, expectations: expectations)
  }
}
