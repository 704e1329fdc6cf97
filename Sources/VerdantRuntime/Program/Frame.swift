import VerdantValues

/// The working memory of one evaluation: a slot per declaration, a slot per local variable,
/// and the as-of date.
///
/// Declarations are computed on first read and memoised, so an evaluation computes only what
/// the requested outputs need. Nothing in a frame is looked up by name.
public struct Frame {
  /// Declaration values by ``VerdantSemantics/DeclarationID`` index.
  var slots: [Value]
  /// Whether each declaration slot holds its value yet.
  var ready: [Bool]
  /// Local variables (function parameters, lambda and quantifier variables).
  var locals: [Value]
  /// The date that selects parameter versions.
  public let asOf: CivilDate
  /// Records the explanation when the evaluation explains itself; `nil` on the fast path,
  /// whose closures never look at it.
  var recorder: TraceRecorder?

  init(declarationCount: Int, localCount: Int, asOf: CivilDate, recorder: TraceRecorder? = nil) {
    self.recorder = recorder
    slots = Array(repeating: .absent, count: declarationCount)
    ready = Array(repeating: false, count: declarationCount)
    locals = Array(repeating: .absent, count: localCount)
    self.asOf = asOf
  }
}
