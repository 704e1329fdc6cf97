import VerdantSemantics
import VerdantValues

/// A branch, bin or table row: the unit `verdant test --coverage` counts.
public struct CoveragePoint: Sendable, Hashable, Comparable {
  /// The declaration.
  public let declaration: Int
  /// The branch, characteristic or row index.
  public let part: Int
  /// For scorecards, the bin index within the characteristic; otherwise 0.
  public let item: Int

  /// Creates a coverage point.
  public init(declaration: Int, part: Int, item: Int = 0) {
    self.declaration = declaration
    self.part = part
    self.item = item
  }

  /// Orders by declaration, then part, then item.
  public static func < (lhs: CoveragePoint, rhs: CoveragePoint) -> Bool {
    (lhs.declaration, lhs.part, lhs.item) < (rhs.declaration, rhs.part, rhs.item)
  }
}

/// Records an explanation while an explaining evaluation runs. One recorder belongs to one
/// evaluation (it lives in the frame), so it needs no locking.
final class TraceRecorder {
  /// What is gathered for one declaration while it is computed.
  struct Builder {
    let declaration: Int
    var reads: [ReadValue] = []
    var readNames = Set<String>()
    var parameters: [ParameterUse] = []
    var decision = Decision.computed
    var reasons: [String] = []
    var standards: [StandardUse] = []
  }

  private var stack: [Builder] = []
  private(set) var finished: [Int: DeclarationExplanation] = [:]
  private(set) var parameterVersions: [Int: ParameterUse] = [:]
  private(set) var covered = Set<CoveragePoint>()

  func begin(_ declaration: Int) {
    stack.append(Builder(declaration: declaration))
  }

  func end(_ declaration: CheckedDeclaration, value: Value) {
    guard let builder = stack.popLast() else { return }
    finished[declaration.id.index] = DeclarationExplanation(
      name: declaration.name, kind: declaration.kindName, value: value, decision: builder.decision,
      reads: builder.reads, parameters: builder.parameters, reasons: builder.reasons,
      standards: builder.standards)
  }

  /// Abandons the innermost declaration (its computation failed).
  func abandon() { _ = stack.popLast() }

  func read(_ name: String, _ value: Value) {
    guard !stack.isEmpty, stack[stack.count - 1].readNames.insert(name).inserted else { return }
    stack[stack.count - 1].reads.append(ReadValue(name: name, value: value))
  }

  /// Notes that a parameter was read with a version.
  func useParameter(_ index: Int) {
    guard let use = parameterVersions[index], !stack.isEmpty else { return }
    if !stack[stack.count - 1].parameters.contains(use) {
      stack[stack.count - 1].parameters.append(use)
    }
  }

  func recordParameter(_ index: Int, _ use: ParameterUse) {
    parameterVersions[index] = use
  }

  func decide(_ decision: Decision, reasons: [String] = []) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].decision = decision
    stack[stack.count - 1].reasons += reasons
  }

  /// Forgets the reads of the innermost declaration so far: a rule keeps only the reads of the
  /// branch that fires.
  func clearReads() {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].reads.removeAll()
    stack[stack.count - 1].readNames.removeAll()
  }

  func cover(_ point: CoveragePoint) { covered.insert(point) }

  /// Notes a use of a regional standard by the innermost declaration.
  func useStandard(_ use: StandardUse) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].standards.append(use)
  }

  /// The explanation of a declaration computed in this evaluation.
  func explanation(of index: Int) -> DeclarationExplanation? { finished[index] }
}
