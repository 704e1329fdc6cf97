import VerdantValues

/// A row that was read but not rated, with the reasons and the row as it was read, so that it
/// can be corrected and run again.
public struct BatchRejection: Sendable, CustomStringConvertible {
  /// Why the row was rejected.
  public enum Stage: String, Sendable {
    /// Its values could not be read or do not fit the input's declared types.
    case input
    /// Evaluating the rules failed (overflow, division by zero, …).
    case evaluation
  }

  /// The line of the input where the row starts.
  public let line: Int
  /// Why it was rejected.
  public let stage: Stage
  /// Every problem, each with where it is (a column, a JSON path, or a place in the ruleset).
  public let problems: [InputIssue]
  /// The row's text as read.
  public let record: String

  /// `line 17: revenue: `abc` is not a Decimal`, one problem per line.
  public var description: String {
    problems.map { "line \(line): \($0.path): \($0.message)" }.joined(separator: "\n")
  }

  /// `{"line": 17, "stage": "input", "problems": [{"path", "message"}], "record": "…"}`.
  public var json: JSONValue {
    .object(
      JSONObject([
        ("line", .number(String(line))),
        ("stage", .string(stage.rawValue)),
        (
          "problems",
          .array(
            problems.map {
              .object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))]))
            })
        ),
        ("record", .string(record)),
      ]))
  }
}

/// What a batch did: every row read is either rated or rejected.
public struct BatchSummary: Sendable, CustomStringConvertible {
  /// Rows rated and written.
  public let rated: Int
  /// Rows rejected (see ``BatchRejection``).
  public let rejected: Int
  /// Rows read (header and blank lines excluded): each is either rated or rejected.
  public var read: Int { rated + rejected }
  /// With ``BatchErrorPolicy/fail``, the row the batch stopped at.
  public let stoppedAt: BatchRejection?
  /// Wall-clock time of the whole batch.
  public let elapsed: Duration

  /// `read 1000 rows: 998 rated, 2 rejected in 0.41 s (2,439 rows/s)`.
  public var description: String {
    let seconds = elapsed.seconds
    let rate = seconds > 0 ? Int((Double(read) / seconds).rounded()) : read
    var text = "read \(read) row\(read == 1 ? "" : "s"): \(rated) rated, \(rejected) rejected in "
      + "\(Duration.format(seconds)) s (\(rate.groupedDigits) rows/s)"
    if let stoppedAt { text += "; stopped at line \(stoppedAt.line) (--errors fail)" }
    return text
  }
}

/// How far a batch has got, for progress displays.
public struct BatchProgress: Sendable {
  /// Rows read so far.
  public let rows: Int
  /// Input bytes consumed so far.
  public let bytes: Int
  /// The input's size, when it is a regular file.
  public let totalBytes: Int?
  /// Time since the batch started.
  public let elapsed: Duration

  /// Rows per second so far.
  public var rowsPerSecond: Double {
    elapsed.seconds > 0 ? Double(rows) / elapsed.seconds : 0
  }

  /// The fraction of the input consumed (0…1), when the size is known.
  public var fraction: Double? {
    totalBytes.map { $0 > 0 ? min(1, Double(bytes) / Double($0)) : 1 }
  }

  /// A count with thousands separators, `1,234,567`, as progress and summary lines write it.
  public static func grouped(_ count: Int) -> String { count.groupedDigits }

  /// The estimated time left, from the rate at which bytes have been consumed.
  public var remaining: Duration? {
    guard let fraction, fraction > 0, elapsed.seconds > 0 else { return nil }
    return .milliseconds(Int64(elapsed.seconds * (1 - fraction) / fraction * 1000))
  }
}

extension Duration {
  /// The duration in seconds, for rates (reporting only; never used for rule arithmetic).
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }

  /// Seconds with two decimals: `0.41`.
  static func format(_ seconds: Double) -> String {
    let hundredths = Int((seconds * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}

extension Int {
  /// `1234567` as `1,234,567` (for progress and summary lines).
  var groupedDigits: String {
    let digits = String(magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (self < 0 ? "-" : "") + grouped
  }
}
