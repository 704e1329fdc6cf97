import VerdantSyntax
import VerdantValues

/// What a condition constrains: an expression whose values the analysis tracks.
public struct Subject: Sendable, Hashable {
  /// Subjects are the same when their keys are.
  public static func == (lhs: Subject, rhs: Subject) -> Bool { lhs.key == rhs.key }

  /// Hashes the key, consistent with `==`.
  public func hash(into hasher: inout Hasher) { hasher.combine(key) }

  /// For a `Region` subject, its hierarchy (regions are ordinals: indices into it).
  public let regions: RegionHierarchy?

  /// A structural key: equal keys mean the same value within one evaluation.
  public let key: String
  /// The expression's type, which fixes the domain and how values print.
  public let type: ValueType
  /// The expression as written, for messages.
  public let display: String
  /// Whether the subject is a condition the analysis does not understand, tracked as a free
  /// Boolean.
  public let isOpaque: Bool
  /// The source offset where the subject was written, so descriptions list subjects in the
  /// order the author wrote them.
  public let position: Int

  /// Creates a subject.
  public init(
    key: String, type: ValueType, display: String, isOpaque: Bool = false, position: Int = 0,
    regions: RegionHierarchy? = nil
  ) {
    self.regions = regions
    self.key = key
    self.type = type
    self.display = display
    self.isOpaque = isOpaque
    self.position = position
  }

  /// The subject an expression stands for.
  init(
    _ expr: TypedExpr, type: ValueType? = nil, isOpaque: Bool = false,
    regions: RegionHierarchy? = nil
  ) {
    self.init(
      key: StructuralKey.of(expr), type: type ?? expr.type, display: expr.span.text,
      isOpaque: isOpaque, position: expr.span.start, regions: regions)
  }

  /// The whole domain of the subject.
  public var domain: ValueSet {
    switch type {
    case .int, .date: return .intervals(.all(discrete: true))
    case .decimal, .percent, .money: return .intervals(.all(discrete: false))
    case .enumeration(let enumType):
      return .ordinals(Set(0..<enumType.cases.count), count: enumType.cases.count)
    case .region where regions != nil:
      let count = regions?.codes.count ?? 0
      return .ordinals(Set(0..<count), count: count)
    case .text: return .texts([], isComplement: true)
    default: return .booleans([false, true])
    }
  }

  /// Whether the subject's domain is ordered and kept as intervals.
  public var isIntervalDomain: Bool {
    if case .intervals = domain { return true }
    return false
  }
}

/// A condition in the analysis's terms: a Boolean combination of "subject ∈ set" atoms.
///
/// Conditions the analysis does not understand become *opaque* atoms, free Boolean
/// subjects of their own. That keeps the analysis sound: it never claims a branch is
/// unreachable or a rule complete unless that holds for every value of the opaque parts.
public indirect enum Formula: Sendable, Hashable {
  /// `true` or `false`.
  case constant(Bool)
  /// The subject's value lies in the set.
  case atom(Subject, ValueSet)
  /// All hold.
  case and([Formula])
  /// At least one holds.
  case or([Formula])

  /// Records, for each subject, the earliest source position it appears at.
  func recordPositions(into positions: inout [String: Int]) {
    switch self {
    case .constant: break
    case .atom(let subject, _):
      positions[subject.key] = min(positions[subject.key] ?? .max, subject.position)
    case .and(let parts), .or(let parts):
      for part in parts { part.recordPositions(into: &positions) }
    }
  }

  /// The negation, pushed down to the atoms.
  public var negated: Formula {
    switch self {
    case .constant(let value): return .constant(!value)
    case .atom(let subject, let set): return .atom(subject, set.complement())
    case .and(let parts): return .or(parts.map(\.negated))
    case .or(let parts): return .and(parts.map(\.negated))
    }
  }
}

extension Formula {
  /// Translates a checked Bool expression.
  public init(_ condition: TypedExpr) {
    switch condition.kind {
    case .constant(.bool(let value)):
      self = .constant(value)
    case .and(let a, let b):
      self = .and([Formula(a), Formula(b)])
    case .or(let a, let b):
      self = .or([Formula(a), Formula(b)])
    case .not(let inner):
      self = Formula(inner).negated
    case .binary(.compare(let op, _), let lhs, let rhs):
      self = Formula.comparison(op, lhs, rhs) ?? Formula.opaque(condition)
    case .binary(.equal(let negated), let lhs, let rhs):
      self = Formula.comparison(negated ? .notEqual : .equal, lhs, rhs) ?? Formula.opaque(condition)
    case .binary(.collectionContains, let collection, let element):
      self = Formula.membership(collection, element) ?? Formula.opaque(condition)
    case .binary(.regionWithin, let region, let ancestor):
      self = Formula.within(region, ancestor) ?? Formula.opaque(condition)
    case .declaration, .local, .field, .unwrap:
      self = .atom(Subject(condition, type: .bool), .booleans([true]))
    default:
      self = Formula.opaque(condition)
    }
  }

  /// A Bool-valued expression as a free subject; `true` when it holds.
  static func opaque(_ condition: TypedExpr) -> Formula {
    return .atom(Subject(condition, type: .bool, isOpaque: true), .booleans([true]))
  }

  /// `subject op constant` (either side may be the constant).
  static func comparison(_ op: BinaryOperator, _ lhs: TypedExpr, _ rhs: TypedExpr) -> Formula? {
    var op = op
    var subjectExpr = lhs
    var constant: Value
    if let value = rhs.constantValue, lhs.constantValue == nil {
      constant = value
    } else if let value = lhs.constantValue, rhs.constantValue == nil {
      constant = value
      subjectExpr = rhs
      op = op.mirrored
    } else {
      return nil
    }
    var subject = Subject(subjectExpr)
    if case .region(let value) = constant {
      subject = Subject(subjectExpr, regions: value.hierarchy)
    }
    switch subject.domain {
    case .intervals(let all):
      guard let point = orderKey(constant) else { return nil }
      let interval: Interval
      switch op {
      case .equal, .notEqual:
        interval = Interval(lower: Bound(point, closed: true), upper: Bound(point, closed: true))
      case .less: interval = Interval(lower: nil, upper: Bound(point, closed: false))
      case .lessEqual: interval = Interval(lower: nil, upper: Bound(point, closed: true))
      case .greater: interval = Interval(lower: Bound(point, closed: false), upper: nil)
      case .greaterEqual: interval = Interval(lower: Bound(point, closed: true), upper: nil)
      default: return nil
      }
      let set = ValueSet.intervals(IntervalSet([interval], discrete: all.isDiscrete))
      return .atom(subject, op == .notEqual ? set.complement() : set)
    case .ordinals(_, let count):
      if case .region(let value) = constant {
        guard op == .equal || op == .notEqual else { return nil }
        let set = ValueSet.ordinals([value.index], count: count)
        return .atom(subject, op == .equal ? set : set.complement())
      }
      guard case .enumCase(let value) = constant else { return nil }
      let ordinal = value.ordinal
      let allowed: Set<Int>
      switch op {
      case .equal: allowed = [ordinal]
      case .notEqual: allowed = Set(0..<count).subtracting([ordinal])
      case .less: allowed = Set(0..<ordinal)
      case .lessEqual: allowed = Set(0...ordinal)
      case .greater: allowed = Set((ordinal + 1)..<max(ordinal + 1, count))
      case .greaterEqual: allowed = Set(ordinal..<count)
      default: return nil
      }
      return .atom(subject, .ordinals(allowed, count: count))
    case .booleans:
      guard case .bool(let value) = constant, op == .equal || op == .notEqual,
        subjectExpr.type == .bool
      else { return nil }
      return .atom(subject, .booleans([op == .equal ? value : !value]))
    case .texts:
      guard case .text(let value) = constant, op == .equal || op == .notEqual else { return nil }
      return .atom(subject, .texts([value], isComplement: op == .notEqual))
    }
  }

  /// `r in CN-ZJ`: the region or any region below it.
  static func within(_ region: TypedExpr, _ ancestor: TypedExpr) -> Formula? {
    guard case .region(let value)? = ancestor.constantValue, region.constantValue == nil else {
      return nil
    }
    let hierarchy = value.hierarchy
    let members = Set(
      hierarchy.codes.indices.filter { hierarchy.isWithin($0, value.index) })
    let subject = Subject(region, regions: hierarchy)
    return .atom(subject, .ordinals(members, count: hierarchy.codes.count))
  }

  /// `subject in {constants}`.
  static func membership(_ collection: TypedExpr, _ element: TypedExpr) -> Formula? {
    guard let values = collection.constantValue, element.constantValue == nil else { return nil }
    let members: [Value]
    switch values {
    case .list(let elements), .set(let elements): members = elements
    default: return nil
    }
    let subject = Subject(element)
    switch subject.domain {
    case .ordinals(_, let count):
      var allowed = Set<Int>()
      for member in members {
        guard case .enumCase(let value) = member else { return nil }
        allowed.insert(value.ordinal)
      }
      return .atom(subject, .ordinals(allowed, count: count))
    case .texts:
      var allowed = Set<String>()
      for member in members {
        guard case .text(let value) = member else { return nil }
        allowed.insert(value)
      }
      return .atom(subject, .texts(allowed, isComplement: false))
    case .intervals(let all):
      var intervals: [Interval] = []
      for member in members {
        guard let point = orderKey(member) else { return nil }
        intervals.append(
          Interval(lower: Bound(point, closed: true), upper: Bound(point, closed: true)))
      }
      return .atom(subject, .intervals(IntervalSet(intervals, discrete: all.isDiscrete)))
    case .booleans:
      return nil
    }
  }

  /// The position of an ordered scalar on the analysis's number line.
  public static func orderKey(_ value: Value) -> ExactDecimal? {
    switch value {
    case .int(let int): return ExactDecimal(int)
    case .decimal(let decimal), .percent(let decimal): return decimal
    case .money(let money): return money.amount
    case .date(let date): return ExactDecimal(Int64(date.daysSinceEpoch))
    default: return nil
    }
  }
}

extension BinaryOperator {
  /// The operator with its operands swapped: `3 < x` is `x > 3`.
  var mirrored: BinaryOperator {
    switch self {
    case .less: return .greater
    case .lessEqual: return .greaterEqual
    case .greater: return .less
    case .greaterEqual: return .lessEqual
    default: return self
    }
  }
}
