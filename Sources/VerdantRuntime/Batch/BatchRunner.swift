import Dispatch
import VerdantValues

/// Rates every record of a CSV or JSON Lines input, in constant memory, on all cores, writing
/// results in input order.
///
/// The input is read in chunks of ``BatchOptions/chunkSize`` records. Each chunk is split
/// into one contiguous run of records per worker thread; every worker decodes, evaluates and
/// formats its run with its own ``Evaluator`` into its own buffer, and the buffers are written
/// in worker order, so the output keeps the input's order without any sorting.
public final class BatchRunner: Sendable {
  /// A batch that could not run at all (as opposed to rows it rejected).
  public enum Failure: Error, Sendable, CustomStringConvertible {
    /// The CSV header does not fit the ruleset's inputs.
    case header(InputError)
    /// The input has no header row.
    case missingHeader
    /// The input could not be read.
    case read(FileSystem.ReadError)
    /// The output could not be written.
    case write(String)
    /// `idField` names no input field.
    case idField(String)

    /// A one-line reason (several lines for a header with several problems).
    public var description: String {
      switch self {
      case .header(let error):
        return "the CSV header does not match the ruleset's inputs:\n"
          + error.issues.map { "  \($0.message)" }.joined(separator: "\n")
      case .missingHeader: return "the CSV input is empty: expected a header row naming input fields"
      case .read(let error): return error.description
      case .write(let reason): return "cannot write the results: \(reason)"
      case .idField(let reason): return reason
      }
    }
  }

  /// The ruleset rows are rated with.
  public let ruleset: CompiledRuleset
  /// How the batch runs.
  public let options: BatchOptions
  private let outputNames: [String]
  /// Where `options.idField` is: the input's slot and the field indexes down to it.
  private let idPath: Result<(slot: Int, fields: [Int])?, Failure>

  /// Creates a runner.
  public init(ruleset: CompiledRuleset, options: BatchOptions) {
    self.ruleset = ruleset
    self.options = options
    idPath = Self.resolve(idField: options.idField, in: ruleset)
    outputNames =
      (options.idField.map { [$0] } ?? [])
      + ruleset.makeEvaluator(outputs: options.outputs).outputNames
  }

  /// Finds an `id` or `supplier.id` field among the ruleset's inputs.
  private static func resolve(idField: String?, in ruleset: CompiledRuleset)
    -> Result<(slot: Int, fields: [Int])?, Failure>
  {
    guard let idField else { return .success(nil) }
    let inputs = ruleset.inputSlotsForBatch
    switch InputFieldPath.resolve(idField, among: inputs) {
    case .success(let resolved):
      return .success((inputs[resolved.input].slot, resolved.path))
    case .failure(.noField):
      return .failure(
        .idField(
          "--id \(idField): name the input too, one of "
            + inputs.map { "`\($0.name).…`" }.joined(separator: ", ")))
    case .failure(.unknownField(let part, let record, let suggestion)):
      return .failure(
        .idField(
          "--id \(idField): \(record) has no field `\(part)`"
            + (suggestion.map { "; did you mean `\($0)`?" } ?? "")))
    case .failure(.notARecord(let part)):
      return .failure(.idField("--id \(idField): `\(part)` is not a record"))
    }
  }

  /// A row's values as written: the id field's value first when there is one.
  private func row(_ values: [Value], inputs: InputValues) -> [Value] {
    guard case .success(let path?) = idPath else { return values }
    return [id(in: inputs, at: path)] + values
  }

  /// The id field's value in a row's inputs (absent when an optional record on the way is).
  private func id(in inputs: InputValues, at path: (slot: Int, fields: [Int])) -> Value {
    var value = inputs.slots.first { $0.slot == path.slot }?.value ?? .absent
    for index in path.fields {
      guard case .record(let record) = value else { return .absent }
      value = record.fields[index]
    }
    return value
  }

  /// Runs the batch.
  /// - Parameters:
  ///   - reader: The input.
  ///   - write: Receives output bytes, in order (a header first for CSV and table output).
  ///   - reject: Receives each rejected row, in input order (with ``BatchErrorPolicy/fail``,
  ///     only the row the batch stopped at).
  ///   - progress: Called after each chunk.
  /// - Returns: How many rows were read, rated and rejected.
  /// - Throws: ``Failure`` when the input cannot be read or its header does not fit, or the
  ///   error `write` throws.
  public func run(
    _ reader: ByteReader,
    write: ([UInt8]) throws -> Void,
    reject: (BatchRejection) throws -> Void,
    progress: ((BatchProgress) -> Void)? = nil
  ) throws -> BatchSummary {
    _ = try idPath.get()  // an unknown --id field stops the run before any row is read
    let clock = ContinuousClock()
    let started = clock.now
    let chunks = RecordChunkReader(reader, quoteAware: options.inputFormat == .csv)
    let totalBytes = reader.totalBytes
    let decoder = try makeDecoder(chunks)
    let workers = (0..<options.workers).map { worker in
      BatchWorker(
        evaluator: (worker == 0 ? ruleset : ruleset.replica()).makeEvaluator(outputs: options.outputs))
    }
    var formatter: BatchOutputFormatter?
    // Every row read is either rated or rejected, so rows read is their sum.
    var rated = 0
    var rejected = 0
    func summary(stoppedAt: BatchRejection? = nil) -> BatchSummary {
      BatchSummary(
        rated: rated, rejected: rejected, stoppedAt: stoppedAt,
        elapsed: clock.now - started)
    }
    while let chunk = try readChunk(chunks) {
      let chunkFormatter = formatter ?? firstFormatter(chunk, decoder: decoder, workers: workers)
      if formatter == nil {
        formatter = chunkFormatter
        if let header = chunkFormatter.header { try write(Array(header.utf8)) }
      }
      process(chunk, decoder: decoder, formatter: chunkFormatter, workers: workers)
      // Workers hold contiguous runs in order, so their buffers concatenate in input order.
      for worker in workers {
        if options.errors == .fail, let first = worker.rejections.first {
          rated += first.ratedBefore
          rejected += 1
          try write(Array(worker.output[..<first.offset]))
          try reject(first.rejection)
          return summary(stoppedAt: first.rejection)
        }
        for rejection in worker.rejections { try reject(rejection.rejection) }
        try write(worker.output)
        rated += worker.rated
        rejected += worker.rejections.count
      }
      progress?(
        BatchProgress(
          rows: rated + rejected, bytes: reader.bytesConsumed, totalBytes: totalBytes,
          elapsed: clock.now - started))
    }
    if formatter == nil, let header = BatchOutputFormatter(
      format: options.outputFormat, names: outputNames
    ).header {
      try write(Array(header.utf8))
    }
    return summary()
  }

  private func readChunk(_ chunks: RecordChunkReader, maxRecords: Int? = nil) throws(Failure)
    -> RecordChunk?
  {
    do {
      return try chunks.next(maxRecords: maxRecords ?? options.chunkSize)
    } catch {
      throw .read(error)
    }
  }

  /// The decoder for the input format; for CSV, reads the header first.
  private func makeDecoder(_ chunks: RecordChunkReader) throws(Failure) -> BatchRowDecoder {
    switch options.inputFormat {
    case .jsonl:
      let inputs = ruleset.inputSlotsForBatch
      return .jsonl(ruleset: ruleset, bareInput: inputs.count == 1 ? inputs[0].name : nil)
    case .csv:
      guard let header = try readChunk(chunks, maxRecords: 1)?[0] else { throw .missingHeader }
      switch CSVFields.split(header) {
      case .failure(let error):
        throw .header(InputError(issues: [InputIssue(path: "header", message: error.description)]))
      case .success(let names):
        do {
          return .csv(try CSVInputMapping(header: names, ruleset: ruleset))
        } catch {
          throw .header(error)
        }
      }
    }
  }

  /// For tables, sizes the columns from the first chunk's values.
  private func firstFormatter(
    _ chunk: RecordChunk, decoder: BatchRowDecoder, workers: [BatchWorker]
  ) -> BatchOutputFormatter {
    guard options.outputFormat == .table else {
      return BatchOutputFormatter(format: options.outputFormat, names: outputNames)
    }
    var widths = outputNames.map(BatchOutputFormatter.displayWidth)
    for index in chunk.records.indices.prefix(256) {
      guard case .success(let inputs) = decoder.decode(chunk[index]),
        let values = try? workers[0].evaluator.evaluate(inputs, asOf: options.asOf)
      else { continue }
      for (position, value) in row(values, inputs: inputs).enumerated() {
        widths[position] = max(
          widths[position], BatchOutputFormatter.displayWidth(BatchOutputFormatter.tableText(value)))
      }
    }
    return BatchOutputFormatter(format: .table, names: outputNames, widths: widths)
  }

  /// Decodes, evaluates and formats a chunk, one contiguous run of records per worker.
  private func process(
    _ chunk: RecordChunk, decoder: BatchRowDecoder, formatter: BatchOutputFormatter,
    workers: [BatchWorker]
  ) {
    let count = chunk.records.count
    let active = min(workers.count, count)
    let runs = (0..<active).map { worker in
      (count * worker / active)..<(count * (worker + 1) / active)
    }
    let work: @Sendable (Int) -> Void = { worker in
      self.rate(chunk, records: runs[worker], decoder: decoder, formatter: formatter, into: workers[worker])
    }
    for worker in workers { worker.reset() }
    if active == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: active, execute: work)
    }
  }

  /// Rates a run of records into a worker's buffer.
  private func rate(
    _ chunk: RecordChunk, records: Range<Int>, decoder: BatchRowDecoder,
    formatter: BatchOutputFormatter, into worker: BatchWorker
  ) {
    for index in records {
      let record = chunk[index]
      let line = chunk.records[index].line
      let inputs: InputValues
      switch decoder.decode(record) {
      case .success(let decoded): inputs = decoded
      case .failure(let error):
        worker.reject(.init(line: line, stage: .input, problems: error.issues, record: Self.text(record)))
        continue
      }
      do {
        if options.explain {
          let result = try worker.evaluator.ruleset.evaluate(
            inputs, asOf: options.asOf, outputs: options.outputs, explain: true)
          formatter.append(
            line: line, values: row(result.outputs.map(\.value), inputs: inputs),
            explanation: result.explanation, to: &worker.output)
        } else {
          let values = try worker.evaluator.evaluate(inputs, asOf: options.asOf)
          formatter.append(
            line: line, values: row(values, inputs: inputs), explanation: nil, to: &worker.output)
        }
        worker.rated += 1
      } catch {
        let place = "\(error.declaration) at \(error.span.description)"
        worker.reject(
          .init(
            line: line, stage: .evaluation,
            problems: [InputIssue(path: place, message: "\(error.message) [\(error.code.rawValue)]")],
            record: Self.text(record)))
      }
    }
  }

  /// A record's text for the rejection report (invalid UTF-8 repaired, so it can be shown).
  private static func text(_ record: ArraySlice<UInt8>) -> String {
    String(decoding: record, as: UTF8.self)
  }
}

/// One worker thread's evaluator and the output of its current run.
///
/// Each worker is touched by exactly one thread during a chunk and by the coordinating thread
/// only between chunks, which `concurrentPerform` separates; hence `@unchecked Sendable`.
final class BatchWorker: @unchecked Sendable {
  let evaluator: Evaluator
  var output: [UInt8] = []
  var rated = 0
  /// Rejections in order, each with the output offset and the rated count at that point.
  var rejections: [(rejection: BatchRejection, offset: Int, ratedBefore: Int)] = []

  init(evaluator: Evaluator) { self.evaluator = evaluator }

  func reset() {
    output.removeAll(keepingCapacity: true)
    rated = 0
    rejections.removeAll()
  }

  func reject(_ rejection: BatchRejection) {
    rejections.append((rejection, output.count, rated))
  }
}
