import ArgumentParser
import Verdant

/// `verdant eval FILE --input INPUT.json` (one input) or `--input-csv`/`--input-jsonl` (a batch).
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Evaluate a ruleset on one input, or on every row of a CSV or JSON Lines file.",
    discussion: """
      With --input, INPUT.json maps each input name to its object, e.g. {"supplier": {…}}, and \
      the result is {"ruleset", "version", "hash", "as_of", "outputs"} on standard output (and \
      "explanation" with --explain); --format table prints one `name  value` line per output \
      instead, for people.

      With --input-csv or --input-jsonl, every row is rated and written in input order in the \
      --format chosen (jsonl by default); rows are streamed, so inputs of any size run in \
      constant memory, and spread over all processors. CSV columns name input fields \
      (`revenue` or `supplier.revenue`). A summary of rows read, rated and rejected goes to \
      standard error, with a progress bar when standard error is a terminal.

      Exit codes: 1 the ruleset has errors; 2 the input is invalid (for a batch: a row was \
      rejected for its data, or the CSV header does not fit); 3 evaluation failed (for a \
      batch: a row was rejected because evaluation failed). With --errors skip every row is \
      still read and the exit code still reports rejected rows.
      """)

  @OptionGroup var evaluation: EvaluationOptions
  @OptionGroup var batch: BatchInputOptions

  @Flag(help: "Print the result on one line (single input).")
  var compact = false

  @Flag(help: "Add an explanation of every output (in batches, per row; JSON Lines output only).")
  var explain = false

  func validate() throws {
    let given = [evaluation.input, batch.csv, batch.jsonl].compactMap { $0 }.count
    if given != 1 {
      throw ValidationError("Give exactly one of --input, --input-csv and --input-jsonl.")
    }
    if batch.source == nil, batch.format != nil, batch.format != .table {
      throw ValidationError("--format \(batch.format!.rawValue) applies to --input-csv and --input-jsonl; with --input, use --format table or the default JSON.")
    }
    if batch.source == nil, let option = batch.batchOnlyOptions.first(where: { $0 != "--format" }) {
      throw ValidationError("\(option) applies to --input-csv and --input-jsonl.")
    }
    if batch.source != nil, explain, (batch.format ?? .jsonl) != .jsonl {
      throw ValidationError("--explain in a batch needs --format jsonl.")
    }
    if let jobs = batch.jobs, jobs < 1 {
      throw ValidationError("--jobs must be at least 1.")
    }
  }

  mutating func run() throws {
    if let source = batch.source {
      let (ruleset, selection) = try evaluation.compile()
      let options = BatchOptions(
        inputFormat: source.format, outputFormat: batch.format ?? .jsonl, outputs: selection,
        asOf: evaluation.date, explain: explain, errors: batch.errors,
        workers: batch.jobs ?? BatchOptions.processorCount, idField: batch.id)
      try BatchEvaluation(
        ruleset: ruleset, options: options, inputPath: source.path, rejectsPath: batch.rejects
      ).run()
      return
    }
    let (ruleset, inputs, selection) = try evaluation.prepare()
    do {
      let result = try ruleset.evaluate(
        inputs, asOf: evaluation.date, outputs: selection, explain: explain)
      if batch.format == .table {
        print(result.table, terminator: "")
      } else {
        print(JSONWriter.string(result.json, pretty: !compact))
      }
    } catch {
      printError(HumanRenderer().render(error.diagnostic))
      throw ExitStatus.evaluationFailed
    }
  }
}
