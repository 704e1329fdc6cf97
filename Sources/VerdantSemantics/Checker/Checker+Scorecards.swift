import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Checks a scorecard: each characteristic's bins are typed against its value and analysed
  /// for overlaps, gaps and unreachable bins; points and weights are constants.
  func checkScorecard(_ scorecard: ScorecardDeclaration) -> (CheckedScorecard, ValueType) {
    let name = scorecard.name.name
    let baseline = scorecard.baseline.flatMap {
      constantNumber($0, scope: Scope(), "as the baseline")
    } ?? .zero
    var characteristics: [CheckedCharacteristic] = []
    var names: [String: Span] = [:]
    for characteristic in scorecard.characteristics {
      guard let characteristicName = characteristic.name else {
        report(
          .mismatchedType(
            "cannot name the characteristic `\(characteristic.subject.span.text)`",
            at: characteristic.subject.span,
            help: "name it with `as`, e.g. `characteristic \(characteristic.subject.span.text) as intensity { … }`"))
        continue
      }
      if let first = names[characteristicName] {
        report(
          .duplicateMember(
            "characteristic", characteristicName, at: characteristic.alias?.span ?? characteristic.subject.span,
            first: first))
        continue
      }
      names[characteristicName] = characteristic.alias?.span ?? characteristic.subject.span
      if let checked = checkCharacteristic(characteristic, name: characteristicName) {
        characteristics.append(checked)
      }
    }
    let pointsType = RecordType(
      name: "\(name).points", fields: characteristics.map { .init(name: $0.name, type: .decimal) })
    let valueType = RecordType(
      name: name,
      fields: [
        .init(name: "total", type: .decimal), .init(name: "points", type: .record(pointsType)),
        .init(name: "reasons", type: .list(.text)),
      ])
    return (
      CheckedScorecard(
        valueType: valueType, pointsType: pointsType, baseline: baseline,
        characteristics: characteristics),
      .record(valueType)
    )
  }

  private func checkCharacteristic(_ syntax: ScorecardDeclaration.Characteristic, name: String)
    -> CheckedCharacteristic?
  {
    let (subject, local, value) = bindSubject(syntax.subject, scope: Scope(), "as a characteristic")
    let weight = syntax.weight.flatMap { constantNumber($0, scope: Scope(), "as the weight") } ?? .one
    var bins: [CheckedBin] = []
    for (index, bin) in syntax.bins.enumerated() {
      let isOtherwise: Bool
      switch bin.condition.kind {
      case .otherwise, .any: isOtherwise = true
      default: isOtherwise = false
      }
      if isOtherwise, index != syntax.bins.count - 1 {
        report(
          .misplacedBin(
            "`\(bin.condition.span.text)` must be the last bin; the bins after it can never apply",
            at: bin.condition.span))
      }
      let condition = cellCondition(bin.condition, subject: value, scope: Scope())
      let points = constantNumber(bin.points, scope: Scope(), "as bin points") ?? .zero
      bins.append(
        CheckedBin(
          condition: isOtherwise ? nil : condition, points: points, reason: bin.reason?.value,
          text: bin.condition.span.text, span: bin.span))
    }
    if value.type != .error, !bins.contains(where: { $0.condition?.type.containsError == true }) {
      reportBinFindings(syntax, bins)
    }
    let weighted = bins.map { (try? $0.points.multiplied(by: weight)) ?? $0.points }
    return CheckedCharacteristic(
      name: name, subject: subject, local: local, weight: weight, bins: bins,
      maximum: weighted.max() ?? .zero, span: syntax.span)
  }

  private func reportBinFindings(
    _ syntax: ScorecardDeclaration.Characteristic, _ bins: [CheckedBin]
  ) {
    let findings = BinAnalysis.analyze(bins.map(\.condition))
    for overlap in findings.overlaps {
      let (first, second) = (syntax.bins[overlap.first], syntax.bins[overlap.second])
      report(
        .overlappingBins(
          first.condition.span.text, second.condition.span.text, on: overlap.region,
          at: second.condition.span, first: first.condition.span))
    }
    if let gap = findings.gap {
      report(.binGap(gap, characteristic: syntax.subject.span.text, at: syntax.subject.span))
    }
    for index in findings.unreachable {
      report(
        .unreachableBranch(
          "bin `\(syntax.bins[index].condition.span.text)` can never apply: the bins before it "
            + "cover all its values", at: syntax.bins[index].condition.span))
    }
    if findings.otherwiseIsUnreachable, let last = syntax.bins.last {
      report(
        .unreachableBranch(
          "`\(last.condition.span.text)` can never apply: the bins above cover every value",
          at: last.condition.span))
    }
  }
}
