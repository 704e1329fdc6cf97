import VerdantValues

/// The working memory of one evaluation: a slot per declaration, a slot per local variable,
/// and the as-of date.
///
/// Declarations are computed on first read and memoised, so an evaluation computes only what
/// the requested outputs need. Nothing in a frame is looked up by name. A slot holds a value for
/// the current evaluation when its stamp equals the frame's generation, so a frame can be reused
/// for the next evaluation by bumping the generation instead of clearing every slot.
public struct Frame {
  /// Declaration values by ``VerdantSemantics/DeclarationID`` index.
  var slots: [Value]
  /// The generation in which each slot was last filled.
  var stamps: [UInt32]
  /// The current evaluation's generation (never 0, so fresh stamps are never current).
  var generation: UInt32 = 1
  /// Local variables (function parameters, lambda and quantifier variables).
  var locals: [Value]
  /// The date that selects parameter versions.
  public internal(set) var asOf: CivilDate
  /// Records the explanation when the evaluation explains itself; `nil` on the fast path,
  /// whose closures never look at it.
  var recorder: TraceRecorder?

  init(declarationCount: Int, localCount: Int, asOf: CivilDate, recorder: TraceRecorder? = nil) {
    self.recorder = recorder
    slots = Array(repeating: .absent, count: declarationCount)
    stamps = Array(repeating: 0, count: declarationCount)
    locals = Array(repeating: .absent, count: localCount)
    self.asOf = asOf
  }

  /// Whether a declaration's slot holds its value for this evaluation.
  @inline(__always)
  func isReady(_ index: Int) -> Bool { stamps[index] == generation }

  /// Stores a declaration's value for this evaluation.
  @inline(__always)
  mutating func store(_ value: Value, at index: Int) {
    slots[index] = value
    stamps[index] = generation
  }

  /// Starts a new evaluation in the same memory: every slot becomes stale at once.
  mutating func reset(asOf date: CivilDate) {
    generation &+= 1
    if generation == 0 {
      // After 2^32 evaluations the stamps wrap; clear them once.
      for index in stamps.indices { stamps[index] = 0 }
      generation = 1
    }
    asOf = date
  }
}
