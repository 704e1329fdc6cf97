import VerdantSyntax
import VerdantValues

extension CheckerSession {
  /// Checks a decision table: columns, cells and outputs are typed, the hit policy's
  /// requirements hold, and the rows are analysed for gaps, overlaps and unreachable rows.
  func checkTable(_ table: TableDeclaration, annotated: ValueType?) -> (CheckedTable, ValueType) {
    let name = table.name.name
    let columns = table.inputs.map { bindSubject($0, scope: Scope(), "as a table column") }
    let declaredOutputs = outputTypes(table, annotated: annotated)
    var rows: [CheckedTable.Row] = []
    for row in table.rows {
      if row.cells.count != columns.count {
        report(
          .invalidTable(
            "this row has \(row.cells.count) cell\(row.cells.count == 1 ? "" : "s"), but table "
              + "`\(name)` has \(columns.count) input column\(columns.count == 1 ? "" : "s")",
            at: row.span))
      }
      if row.outputs.count != table.outputs.count {
        report(
          .invalidTable(
            "this row has \(row.outputs.count) output\(row.outputs.count == 1 ? "" : "s"), but "
              + "table `\(name)` has \(table.outputs.count)", at: row.span))
      }
      let conditions = zip(row.cells, columns).map { cell, column in
        cellCondition(cell, subject: column.2, scope: Scope())
      }
      let outputs = row.outputs.enumerated().map { index, output in
        check(output, expected: index < declaredOutputs.count ? declaredOutputs[index] : nil, scope: Scope())
      }
      let text = row.cells.map(\.span.text).joined(separator: " | ")
      rows.append(
        CheckedTable.Row(
          conditions: conditions, outputs: outputs, reason: row.reason?.value, text: text,
          span: row.span))
    }
    // Output column types: declared, or joined over the rows.
    var outputTypes: [ValueType] = []
    for (index, outputName) in table.outputs.enumerated() {
      if index < declaredOutputs.count, let declared = declaredOutputs[index] {
        outputTypes.append(declared)
        continue
      }
      var joined: ValueType?
      for row in rows where index < row.outputs.count {
        let type = row.outputs[index].type
        guard let current = joined else {
          joined = type
          continue
        }
        guard let next = join(current, type) else {
          report(
            .invalidTable(
              "the values of output `\(outputName.name)` have different types, \(current) and \(type)",
              at: row.outputs[index].span,
              help: "annotate the table's output type, e.g. `table \(name): \(current) hit …`"))
          joined = .error
          break
        }
        joined = next
      }
      outputTypes.append(joined ?? .error)
    }
    // Convert each output to its column's type.
    rows = rows.map { row in
      CheckedTable.Row(
        conditions: row.conditions,
        outputs: zip(row.outputs, outputTypes).map { output, type in
          coerce(output, to: type, "as an output of table `\(name)`")
        }, reason: row.reason, text: row.text, span: row.span)
    }
    let rowRecord: RecordType?
    let rowType: ValueType
    if table.outputs.count == 1 {
      rowRecord = nil
      rowType = outputTypes.first ?? .error
    } else if case .record(let record)? = annotated {
      rowRecord = record
      rowType = .record(record)
    } else {
      let record = RecordType(
        name: "\(name) row",
        fields: zip(table.outputs, outputTypes).map { .init(name: $0.name, type: $1) })
      rowRecord = record
      rowType = .record(record)
    }
    let valueType = tableValueType(table, rowType: rowType, outputTypes: outputTypes)
    let checked = CheckedTable(
      hitPolicy: table.hitPolicy,
      columns: columns.map { CheckedTable.Column(subject: $0.0, local: $0.1) },
      outputNames: table.outputs.map(\.name), rowType: rowType, rowRecord: rowRecord, rows: rows)
    let typed = !rows.contains { $0.conditions.contains { $0?.type.containsError == true } }
      && !columns.contains { $0.2.type == .error } && !table.rows.contains { $0.cells.count != columns.count }
    if typed { reportTableFindings(table, checked) }
    return (checked, valueType)
  }

  /// The declared type of each output column, from the annotation.
  private func outputTypes(_ table: TableDeclaration, annotated: ValueType?) -> [ValueType?] {
    guard let annotated else { return Array(repeating: nil, count: table.outputs.count) }
    if table.outputs.count == 1 { return [annotated] }
    guard case .record(let record) = annotated else {
      report(
        .invalidTable(
          "a table with several outputs is annotated with a record type, not \(annotated)",
          at: table.type?.span ?? table.name.span,
          help: "declare `record Row { \(table.outputs.map { "\($0.name): …" }.joined(separator: ", ")) }` or leave the type out"))
      return Array(repeating: nil, count: table.outputs.count)
    }
    return table.outputs.map { output in
      guard let index = record.fieldIndex(named: output.name) else {
        report(
          .unknownField(
            output.name, of: annotated, at: output.span, candidates: record.fields.map(\.name)))
        return nil
      }
      return record.fields[index].type
    }
  }

  /// The table's value type under its hit policy.
  private func tableValueType(_ table: TableDeclaration, rowType: ValueType, outputTypes: [ValueType])
    -> ValueType
  {
    switch table.hitPolicy {
    case .unique, .first, .any:
      return rowType
    case .priority:
      guard case .enumeration = outputTypes.first else {
        if outputTypes.first != .error {
          report(
            .invalidTable(
              "`hit priority` ranks rows by their output's enum order, but the first output of "
                + "table `\(table.name.name)` is \(outputTypes.first ?? .error)",
              at: table.hitPolicySpan, help: "use an enum output, or `hit first`"))
        }
        return rowType
      }
      return rowType
    case .collect:
      return .list(rowType)
    case .collectAggregate(let aggregation):
      if aggregation == .count { return .int }
      guard table.outputs.count == 1 else {
        report(
          .invalidTable(
            "`collect \(aggregation.rawValue)` needs a single output column", at: table.hitPolicySpan))
        return .error
      }
      switch aggregation {
      case .sum where !rowType.isNumeric, .min where !rowType.isOrdered, .max where !rowType.isOrdered:
        if rowType != .error {
          report(
            .invalidTable(
              "`collect \(aggregation.rawValue)` cannot combine outputs of type \(rowType)",
              at: table.hitPolicySpan))
        }
        return .error
      case .sum: return rowType
      default: return .optional(rowType)
      }
    }
  }

  private func reportTableFindings(_ table: TableDeclaration, _ checked: CheckedTable) {
    let name = table.name.name
    let findings = TableAnalysis.analyze(checked.rows.map(\.conditions), policy: checked.hitPolicy)
    for overlap in findings.overlaps {
      let (first, second) = (table.rows[overlap.first], table.rows[overlap.second])
      if case .any = checked.hitPolicy {
        let a = checked.rows[overlap.first].outputs.map { $0.constantValue }
        let b = checked.rows[overlap.second].outputs.map { $0.constantValue }
        guard a.contains(where: { $0 == nil }) || b.contains(where: { $0 == nil }) || a != b else {
          continue
        }
        if !a.contains(where: { $0 == nil }), !b.contains(where: { $0 == nil }) {
          report(
            .conflictingRows(
              overlap.first, overlap.second, when: overlap.region, at: second.span, other: first.span))
        }
        continue
      }
      report(
        .overlappingRows(
          overlap.first, overlap.second, when: overlap.region, at: second.span, other: first.span))
    }
    for index in findings.unreachable {
      let message: String
      if case .first = checked.hitPolicy {
        message = "row \(index + 1) of table `\(name)` can never apply: the rows above match everything it matches"
      } else {
        message = "row \(index + 1) of table `\(name)` can never match"
      }
      // The caret goes under the input cells: the outputs and reason are not what is wrong.
      let row = table.rows[index]
      let cells = row.cells.first.map { first in first.span.merged(with: row.cells.last!.span) }
      report(.unreachableBranch(message, at: cells ?? row.span, part: "row"))
    }
    if !findings.gaps.isEmpty || findings.completenessUnknown {
      report(.tableGap(findings.gaps, table: name, at: table.name.span))
    }
  }
}
