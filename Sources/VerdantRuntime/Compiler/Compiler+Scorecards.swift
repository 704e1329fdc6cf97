import VerdantSemantics
import VerdantSyntax
import VerdantValues

extension Compiler {
  /// A compiled characteristic: its value, its local slot and its bins with weighted points.
  /// A class, not a struct: the scorecard loop reads characteristics without copying (and
  /// retaining) their fields.
  private final class CompiledCharacteristic: Sendable {
    let name: String
    let subject: Thunk<Value>
    /// The unboxed value and bins, when the bins only compare the value with constants (and
    /// the evaluation does not explain, which needs the boxed value).
    let numeric: (key: Thunk<ExactDecimal>, bins: NumericBins)?
    let slot: Int
    let bins: [CompiledBin]
    let maximum: ExactDecimal
    let details: [(text: String, line: Int)]

    init(
      name: String, subject: @escaping Thunk<Value>,
      numeric: (key: Thunk<ExactDecimal>, bins: NumericBins)?, slot: Int, bins: [CompiledBin],
      maximum: ExactDecimal, details: [(text: String, line: Int)]
    ) {
      self.name = name
      self.subject = subject
      self.numeric = numeric
      self.slot = slot
      self.bins = bins
      self.maximum = maximum
      self.details = details
    }
  }

  /// A compiled bin: its condition (none for `otherwise`), weighted points and reason.
  private struct CompiledBin {
    let condition: ConditionStep?
    let points: ExactDecimal
    let reason: String?
  }

  /// Compiles a scorecard: each characteristic's value is computed once into its local, the
  /// first bin that applies gives its points, and reasons are ranked by points lost against the
  /// characteristic's maximum (PMML `pointsBelow`).
  func compileScorecard(_ declaration: CheckedDeclaration, _ scorecard: CheckedScorecard)
    -> Thunk<Value>
  {
    let site = self.site(declaration.nameSpan)
    let characteristics = scorecard.characteristics.map { characteristic in
      let subject = characteristic.subject
      let compiled = compile(subject)
      let numericBins = NumericBins(characteristic.bins.map(\.condition), local: characteristic.local)
      let numeric = self.explaining ? nil : numericBins.flatMap { bins in
        numericKey(compiled, subject.type, site: self.site(subject.span)).map { (key: $0, bins: bins) }
      }
      return CompiledCharacteristic(
        name: characteristic.name,
        subject: value(compiled, subject.type),
        numeric: numeric,
        slot: characteristic.local.index,
        bins: characteristic.bins.map { bin in
          CompiledBin(
            condition: bin.condition.map { ConditionStep(run: bool(compile($0))) },
            points: (try? bin.points.multiplied(by: characteristic.weight)) ?? bin.points,
            reason: bin.reason)
        },
        maximum: characteristic.maximum,
        details: characteristic.bins.map { ($0.condition == nil ? "otherwise" : $0.text, $0.span.location.line) })
    }
    let valueType = scorecard.valueType
    let pointsType = scorecard.pointsType
    let baseline = scorecard.baseline
    let explaining = self.explaining
    let index = declaration.id.index
    let name = declaration.name
    return { frame in
      var total = baseline
      var points: [Value] = []
      points.reserveCapacity(characteristics.count)
      var lost: [(amount: ExactDecimal, order: Int, reason: String)] = []
      var outcomes: [CharacteristicOutcome] = []
      for (order, characteristic) in characteristics.enumerated() {
        var matched: Int?
        var subject = Value.absent
        if let numeric = characteristic.numeric {
          let key = try numeric.key(&frame)
          matched = numeric.bins.firstMatch(key)
          if matched == nil { subject = .decimal(key) }  // only for the message below
        } else {
          subject = try characteristic.subject(&frame)
          frame.locals[characteristic.slot] = subject
          for (number, bin) in characteristic.bins.enumerated() {
            if let condition = bin.condition, try !condition.run(&frame) { continue }
            matched = number
            break
          }
        }
        guard let number = matched else {
          throw site.error(
            .internalError,
            "internal error: no bin of characteristic `\(characteristic.name)` of `\(name)` applies to \(subject)")
        }
        let bin = characteristic.bins[number]
        do { total = try total.adding(bin.points) } catch let error as ArithmeticError {
          throw site.arithmetic(error)
        }
        points.append(.decimal(bin.points))
        if let reason = bin.reason {
          let amount = (try? characteristic.maximum.subtracting(bin.points)) ?? .zero
          lost.append((amount, order, reason))
        }
        if explaining, let recorder = frame.recorder {
          recorder.cover(CoveragePoint(declaration: index, part: order, item: number))
          outcomes.append(
            CharacteristicOutcome(
              name: characteristic.name, value: subject, bin: characteristic.details[number].text,
              binNumber: number + 1, line: characteristic.details[number].line, points: bin.points,
              maximum: characteristic.maximum, reason: bin.reason))
        }
      }
      // Most points lost first; equal losses keep the characteristics' declaration order.
      lost.sort { $0.amount != $1.amount ? $0.amount > $1.amount : $0.order < $1.order }
      let reasons = lost.map(\.reason)
      if explaining, let recorder = frame.recorder {
        recorder.decide(
          .scorecard(baseline: baseline, characteristics: outcomes), reasons: reasons)
      }
      return .record(
        RecordValue(
          type: valueType,
          fields: [
            .decimal(total), .record(RecordValue(type: pointsType, fields: points)),
            .list(reasons.map(Value.text)),
          ]))
    }
  }
}
