import VerdantValues

/// The record formats a batch is read from.
public enum BatchInputFormat: String, Sendable, CaseIterable {
  /// CSV with a header row naming input fields (see ``CSVInputMapping``).
  case csv
  /// JSON Lines: one JSON object per line, either `{"supplier": {…}}` or, for a ruleset with
  /// one input, the input's object itself.
  case jsonl
}

/// What a batch does with a row it cannot rate.
public enum BatchErrorPolicy: String, Sendable, CaseIterable {
  /// Report the row as rejected and carry on.
  case skip
  /// Stop at the first such row (rows before it are still written).
  case fail
}

/// How a batch is run.
public struct BatchOptions: Sendable {
  /// The input format.
  public var inputFormat: BatchInputFormat
  /// The output format.
  public var outputFormat: BatchOutputFormat
  /// Which outputs to compute (default: the ruleset's default outputs).
  public var outputs: OutputSelection?
  /// The date that selects parameter versions, the same for every row.
  public var asOf: CivilDate
  /// Whether to add each row's explanation (JSON Lines output only).
  public var explain: Bool
  /// What to do with rows that cannot be rated.
  public var errors: BatchErrorPolicy
  /// How many threads evaluate rows (default: one per active processor).
  public var workers: Int
  /// An input field (`id`, or `supplier.id` when the ruleset has several inputs) written as
  /// the first column of every row, so results can be matched to their rows without line
  /// numbers.
  public var idField: String?
  /// How many records are read, evaluated and written as one unit. Memory use is bounded by
  /// this many records (and 8 MiB of input) per unit, whatever the size of the input.
  public var chunkSize: Int

  /// Creates options.
  public init(
    inputFormat: BatchInputFormat, outputFormat: BatchOutputFormat = .jsonl,
    outputs: OutputSelection? = nil, asOf: CivilDate, explain: Bool = false,
    errors: BatchErrorPolicy = .fail, workers: Int = BatchOptions.processorCount,
    chunkSize: Int = 8192, idField: String? = nil
  ) {
    self.idField = idField
    self.inputFormat = inputFormat
    self.outputFormat = outputFormat
    self.outputs = outputs
    self.asOf = asOf
    self.explain = explain
    self.errors = errors
    self.workers = max(1, workers)
    self.chunkSize = max(1, chunkSize)
  }

  /// The number of processors available to this process.
  public static var processorCount: Int { ProcessorCount.active }
}
