import VerdantSemantics
import VerdantSyntax
import VerdantValues

extension DiagnosticCode {
  /// Several rows of a `unique` table matched.
  public static let overlappingRowsMatched = DiagnosticCode(rawValue: "V4008")
  /// No row of a table matched.
  public static let noRowMatched = DiagnosticCode(rawValue: "V4009")
  /// Rows of an `any` table matched with different outputs.
  public static let conflictingOutputs = DiagnosticCode(rawValue: "V4010")
}

extension Compiler {
  /// Compiles a decision table: the columns are computed once into their locals, then every
  /// row is tested and the hit policy combines the rows that match.
  func compileTable(_ declaration: CheckedDeclaration, _ table: CheckedTable) -> Thunk<Value> {
    let site = self.site(declaration.nameSpan)
    let columns = table.columns.map { column in
      CompiledColumn(
        subject: ValueStep(run: value(compile(column.subject), column.subject.type)),
        slot: column.local.index)
    }
    let rowRecord = table.rowRecord
    let rows = table.rows.map { row in
      let outputs = row.outputs.map { ValueStep(run: value(compile($0), $0.type)) }
      let output: Thunk<Value>
      if let rowRecord {
        output = { frame in
          var fields: [Value] = []
          fields.reserveCapacity(outputs.count)
          for part in outputs { fields.append(try part.run(&frame)) }
          return .record(RecordValue(type: rowRecord, fields: fields))
        }
      } else {
        let absent: Thunk<Value> = { _ in .absent }
        output = outputs.first?.run ?? absent
      }
      return CompiledRow(
        conditions: row.conditions.compactMap { $0.map { ConditionStep(run: bool(compile($0))) } },
        output: ValueStep(run: output))
    }
    let details = table.rows.map { row in
      (cells: row.text, line: row.span.location.line, reason: row.reason)
    }
    let name = declaration.name
    let policy = table.hitPolicy
    let combine = combiner(policy, rowType: table.rowType, site: site, name: name)
    let explaining = self.explaining
    let index = declaration.id.index
    if case .first = policy, !explaining {
      // The common case, without collecting matches: the first matching row decides, and the
      // outputs of later rows are never computed.
      let noMatch = site.error(
        .noRowMatched, "no row of table `\(name)` matches",
        help: "add a final row of `-` cells as a catch-all")
      return { frame in
        for column in columns { frame.locals[column.slot] = try column.subject.run(&frame) }
        rows: for row in rows {
          for condition in row.conditions where try !condition.run(&frame) { continue rows }
          return try row.output.run(&frame)
        }
        throw noMatch
      }
    }
    return { frame in
      for column in columns { frame.locals[column.slot] = try column.subject.run(&frame) }
      var matched: [(number: Int, output: Value)] = []
      rows: for (number, row) in rows.enumerated() {
        for condition in row.conditions where try !condition.run(&frame) { continue rows }
        // `first` needs no more rows, and its later rows' outputs are never computed.
        matched.append((number, try row.output.run(&frame)))
        if case .first = policy { break }
      }
      let (value, deciding) = try combine(matched)
      if explaining, let recorder = frame.recorder {
        let chosen = deciding.map { numbers in matched.filter { numbers.contains($0.number) } } ?? matched
        let outcomes = chosen.map { entry in
          RowOutcome(
            number: entry.number + 1, cells: details[entry.number].cells,
            line: details[entry.number].line, output: entry.output,
            reason: details[entry.number].reason)
        }
        for entry in chosen { recorder.cover(CoveragePoint(declaration: index, part: entry.number)) }
        recorder.decide(
          .table(policy: policy.text, rows: outcomes), reasons: outcomes.compactMap(\.reason))
      }
      return value
    }
  }

  /// A compiled input column: its value, and the local it is kept in while rows are tested.
  private struct CompiledColumn {
    let subject: ValueStep
    let slot: Int
  }

  /// A compiled row: its cells' conditions (`-` cells have none) and its output.
  private struct CompiledRow {
    let conditions: [ConditionStep]
    let output: ValueStep
  }

  /// How a hit policy turns the matching rows into the table's value; also which rows decided
  /// it (`nil`: all matching rows).
  private func combiner(_ policy: HitPolicy, rowType: ValueType, site: Site, name: String)
    -> @Sendable ([(number: Int, output: Value)]) throws -> (Value, [Int]?)
  {
    let noMatch = site.error(
      .noRowMatched, "no row of table `\(name)` matches",
      help: "add a final row of `-` cells as a catch-all")
    switch policy {
    case .first:
      return { matched in
        guard let first = matched.first else { throw noMatch }
        return (first.output, [first.number])
      }
    case .unique:
      return { matched in
        guard let first = matched.first else { throw noMatch }
        if matched.count > 1 {
          throw site.error(
            .overlappingRowsMatched,
            "rows \(matched.map { String($0.number + 1) }.joined(separator: " and ")) of table `\(name)` "
              + "all match, but its hit policy is unique",
            help: "make the rows disjoint, or use `hit first`")
        }
        return (first.output, [first.number])
      }
    case .any:
      return { matched in
        guard let first = matched.first else { throw noMatch }
        if let other = matched.first(where: { $0.output != first.output }) {
          throw site.error(
            .conflictingOutputs,
            "rows \(first.number + 1) and \(other.number + 1) of table `\(name)` both match but give "
              + "\(first.output) and \(other.output)",
            help: "under `hit any` the matching rows must agree")
        }
        return (first.output, [first.number])
      }
    case .priority:
      return { matched in
        guard var best = matched.first else { throw noMatch }
        for entry in matched.dropFirst()
        where Self.priorityOrdinal(entry.output) < Self.priorityOrdinal(best.output) {
          best = entry
        }
        return (best.output, [best.number])
      }
    case .collect:
      return { matched in (.list(matched.map(\.output)), nil) }
    case .collectAggregate(let aggregation):
      return { matched in
        let outputs = matched.map(\.output)
        switch aggregation {
        case .count:
          return (.int(Int64(outputs.count)), nil)
        case .sum:
          return (try Self.sum(outputs, type: rowType, site: site), nil)
        case .min, .max:
          guard var best = outputs.first else { return (.absent, nil) }
          for output in outputs.dropFirst() {
            best = try Self.extremum(best, output, minimum: aggregation == .min, site: site)
          }
          return (best, nil)
        }
      }
    }
  }

  /// A row output's rank under `hit priority`: its (first) enum output's declaration order.
  private static func priorityOrdinal(_ output: Value) -> Int {
    switch output {
    case .enumCase(let value): return value.ordinal
    case .record(let record):
      if case .enumCase(let value)? = record.fields.first { return value.ordinal }
      return .max
    default: return .max
    }
  }

  /// The sum of numeric outputs (zero when there are none).
  private static func sum(_ values: [Value], type: ValueType, site: Site) throws -> Value {
    switch type {
    case .int:
      var total: Int64 = 0
      for case .int(let value) in values {
        let (next, overflow) = total.addingReportingOverflow(value)
        if overflow { throw site.intOverflow() }
        total = next
      }
      return .int(total)
    case .money(let currency):
      var total: Money?
      for case .money(let value) in values {
        do { total = try total.map { try $0.adding(value) } ?? value } catch let error as MoneyError {
          throw site.money(error)
        }
      }
      if let total { return .money(total) }
      guard let currency else {
        throw site.error(
          .emptyCollection, "no row matched, so the sum has no currency",
          help: "annotate the output type with its currency, e.g. `Money<CNY>`")
      }
      return .money(Money(amount: .zero, currency: currency))
    default:
      var total = ExactDecimal.zero
      for value in values {
        switch value {
        case .decimal(let number), .percent(let number):
          do { total = try total.adding(number) } catch { throw site.arithmetic(error) }
        default:
          throw site.unexpected(value, expected: "a number")
        }
      }
      return type == .percent ? .percent(total) : .decimal(total)
    }
  }
}
