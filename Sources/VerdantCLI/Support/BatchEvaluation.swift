import ArgumentParser
import Verdant

/// The options of `eval` that rate many rows at once.
struct BatchInputOptions: ParsableArguments {
  @Option(name: .customLong("input-csv"), help: "Rate every row of a CSV file (`-` for standard input).")
  var csv: String?

  @Option(name: .customLong("input-jsonl"), help: "Rate every line of a JSON Lines file (`-` for standard input).")
  var jsonl: String?

  @Option(
    help: ArgumentHelp(
      "An input field written as the first column of every row, e.g. id or supplier.id.",
      valueName: "field"))
  var id: String?

  @Option(help: "Output format: jsonl, csv or table for a batch; table for one input.")
  var format: BatchOutputFormat?

  @Option(help: "What to do with a row that cannot be rated: fail (stop there) or skip.")
  var errors: BatchErrorPolicy = .fail

  @Option(help: "Write rejected rows to this JSON Lines file instead of standard error.")
  var rejects: String?

  @Option(help: "Evaluation threads (default: one per processor).")
  var jobs: Int?

  /// The batch input, when one was given.
  var source: (format: BatchInputFormat, path: String)? {
    if let csv { return (.csv, csv) }
    if let jsonl { return (.jsonl, jsonl) }
    return nil
  }

  /// Options that only make sense with a batch input.
  var batchOnlyOptions: [String] {
    (format == nil ? [] : ["--format"]) + (rejects == nil ? [] : ["--rejects"])
      + (id == nil ? [] : ["--id"])
      + (jobs == nil ? [] : ["--jobs"]) + (errors == .fail ? [] : ["--errors"])
  }
}

extension BatchOutputFormat: ExpressibleByArgument {}
extension BatchErrorPolicy: ExpressibleByArgument {}

/// Runs a batch for `eval`, with progress on a terminal and a summary on standard error.
struct BatchEvaluation {
  let ruleset: CompiledRuleset
  let options: BatchOptions
  let inputPath: String
  let rejectsPath: String?

  /// Runs the batch; throws the exit status when rows were rejected or it could not run.
  func run() throws {
    let reader: ByteReader
    let output: ByteWriter
    let rejectsFile: ByteWriter?
    do {
      reader = try ByteReader(path: inputPath)
    } catch {
      printError("error: \(error)")
      throw ExitStatus.inputInvalid
    }
    do {
      output = try ByteWriter(path: "-")
      rejectsFile = try rejectsPath.map { path throws(ByteWriter.WriteError) in
        try ByteWriter(path: path)
      }
    } catch {
      printError("error: \(error)")
      throw ExitCode.failure
    }
    var progress = ProgressBar(enabled: ByteWriter.isTerminal(2))
    var rejectedStages = Set<BatchRejection.Stage>()
    let summary: BatchSummary
    do {
      summary = try BatchRunner(ruleset: ruleset, options: options).run(
        reader,
        write: { try output.write($0) },
        reject: { rejection in
          rejectedStages.insert(rejection.stage)
          if let rejectsFile {
            try rejectsFile.write(JSONWriter.string(rejection.json) + "\n")
          } else {
            progress.clear()
            printError(rejection.description)
          }
        },
        progress: { progress.update($0) })
    } catch BatchRunner.Failure.idField(let reason) {
      printError("error: \(reason)")  // an option mistake, not the input's
      throw ExitCode.validationFailure
    } catch let failure as BatchRunner.Failure {
      progress.clear()
      printError("error: \(inputPath): \(failure)")
      throw ExitStatus.inputInvalid
    } catch {
      progress.clear()
      printError("error: \(error)")
      throw ExitCode.failure
    }
    progress.clear()
    printError(summary.description + (rejectsPath.map { "; rejected rows are in \($0)" } ?? ""))
    if rejectedStages.contains(.input) { throw ExitStatus.inputInvalid }
    if rejectedStages.contains(.evaluation) { throw ExitStatus.evaluationFailed }
  }
}

/// A one-line progress display on standard error: rows, rows/s and the time left.
struct ProgressBar {
  let enabled: Bool
  private var lastDrawn: ContinuousClock.Instant?
  private var drawn = false

  init(enabled: Bool) { self.enabled = enabled }

  /// Redraws at most five times a second.
  mutating func update(_ progress: BatchProgress) {
    guard enabled else { return }
    let now = ContinuousClock.now
    if let lastDrawn, now - lastDrawn < .milliseconds(200) { return }
    lastDrawn = now
    var line =
      "\r\(BatchProgress.grouped(progress.rows)) rows  "
      + "\(BatchProgress.grouped(Int(progress.rowsPerSecond))) rows/s"
    if let fraction = progress.fraction {
      let width = 30
      let filled = Int(fraction * Double(width))
      line += "  [" + String(repeating: "#", count: filled)
        + String(repeating: " ", count: width - filled) + "] \(Int(fraction * 100))%"
    }
    if let remaining = progress.remaining {
      line += "  ETA \(remaining.components.seconds) s"
    }
    var stream = StandardError()
    stream.write(line + "\u{1B}[K")
    drawn = true
  }

  /// Erases the display before other text goes to standard error.
  mutating func clear() {
    guard drawn else { return }
    var stream = StandardError()
    stream.write("\r\u{1B}[K")
    drawn = false
  }
}
