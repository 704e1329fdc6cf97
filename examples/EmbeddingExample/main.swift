// A platform service's use of Verdant, small enough to copy: compile the supplier rating once,
// rate a registry of suppliers concurrently, print each supplier's level and main reasons.
//
//     swift run EmbeddingExample [examples/suppliers.jsonl] [--as-of 2026-03-01] [--show 12]
//
// In your own package, depend on Verdant and `import Verdant`:
//
//     .package(url: "https://github.com/<your-org>/verdant", from: "0.1.0")
//     .executableTarget(name: "Rater", dependencies: [.product(name: "Verdant", package: "verdant")])

import Verdant

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the service reports per supplier.
struct Rating: Sendable {
  let line: Int
  let id: String
  let level: String
  let score: String
  let reasons: [String]
}

/// A supplier that could not be rated, with the reason: bad data is reported, never dropped.
struct Failure: Error {
  let line: Int
  let message: String
}

/// Command-line options, parsed by hand to keep the example free of dependencies.
struct Options {
  var registry = "examples/suppliers.jsonl"
  var asOf = "2026-03-01"
  var show = 12

  init(_ arguments: [String]) throws {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--as-of": asOf = try Self.value(after: argument, in: &rest)
      case "--show": show = Int(try Self.value(after: argument, in: &rest)) ?? show
      default: registry = argument
      }
    }
  }

  static func value(after flag: String, in rest: inout ArraySlice<String>) throws -> String {
    guard let value = rest.popFirst() else { throw ExampleError("\(flag) needs a value") }
    return value
  }
}

struct ExampleError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Rates a slice of the registry's lines with one evaluator. An `Evaluator` reuses its working
/// memory between calls, so each concurrent task makes its own; the compiled ruleset is shared.
func rate(
  _ lines: ArraySlice<[UInt8]>, ruleset: CompiledRuleset, outputs: OutputSelection,
  asOf: CivilDate
) -> [Result<Rating, Failure>] {
  let evaluator = ruleset.makeEvaluator(outputs: outputs)
  return lines.indices.map { index in
    let line = index + 1
    do {
      let inputs = try ruleset.inputs(json: Array(#"{"supplier":"#.utf8) + lines[index] + [0x7D])
      let values = try evaluator.evaluate(inputs, asOf: asOf)   // in the order of `outputs`
      guard case .record(let supplier)? = inputs.value(of: "supplier", in: ruleset),
        case .text(let id)? = supplier[field: "id"], case .list(let reasons) = values[2]
      else {
        return .failure(Failure(line: line, message: "unexpected input or output shape"))
      }
      return .success(
        Rating(
          line: line, id: id, level: values[0].description, score: values[1].description,
          reasons: reasons.compactMap { if case .text(let code) = $0 { code } else { nil } }))
    } catch {
      return .failure(Failure(line: line, message: "\(error)"))
    }
  }
}

/// Pads a text with spaces to a width (on the left for numbers).
func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
  let spaces = String(repeating: " ", count: max(0, width - text.count))
  return left ? spaces + text : text + spaces
}

@main
struct EmbeddingExample {
  static func main() async {
    do {
      try await run(Options(Array(CommandLine.arguments.dropFirst())))
    } catch {
      print("error: \(error)")
      exit(1)
    }
  }

  static func run(_ options: Options) async throws {
    guard let asOf = CivilDate(iso8601: options.asOf) else {
      throw ExampleError("--as-of \(options.asOf) is not a date (write YYYY-MM-DD)")
    }
    // 1. Compile once. Errors in the ruleset come back as diagnostics with file:line:col.
    let ruleset = try Ruleset.compile(contentsOfFile: "rulesets/supplier-green-credit.verdant")
    // Choosing outputs up front means only what they read is computed.
    let outputs = try ruleset.outputs(named: ["credit_level", "score", "top_reasons"])

    // 2. Read the registry: one JSON object per line (examples/generate-suppliers.py writes it).
    let text = try FileSystem.readBytes(atPath: options.registry)
    let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
      .map(Array.init).filter { !$0.isEmpty }

    // 3. Rate concurrently: one task per slice of rows, results kept in input order.
    let slices = max(1, BatchOptions.processorCount)
    let size = (lines.count + slices - 1) / max(1, slices)
    let results = await withTaskGroup(of: (Int, [Result<Rating, Failure>]).self) { group in
      for start in stride(from: 0, to: lines.count, by: max(1, size)) {
        let slice = lines[start..<min(start + size, lines.count)]
        group.addTask { (start, rate(slice, ruleset: ruleset, outputs: outputs, asOf: asOf)) }
      }
      var parts: [(Int, [Result<Rating, Failure>])] = []
      for await part in group { parts.append(part) }
      return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }

    // 4. Report: the first suppliers, then the spread of levels and the most common reasons.
    var levels: [String: Int] = [:]
    var reasons: [String: Int] = [:]
    var failures: [Failure] = []
    print("supplier    level   score  top reasons")
    for result in results {
      switch result {
      case .success(let rating):
        levels[rating.level, default: 0] += 1
        for reason in rating.reasons { reasons[reason, default: 0] += 1 }
        if rating.line <= options.show {
          print(
            "\(rating.id)  \(pad(rating.level, 6)) \(pad(rating.score, 6, left: true))  "
              + rating.reasons.joined(separator: ", "))
        }
      case .failure(let failure):
        failures.append(failure)
      }
    }
    let rated = results.count - failures.count
    print("\nrated \(rated) of \(results.count) suppliers as of \(options.asOf)")
    for level in ["green", "blue", "yellow", "red"] {
      let count = levels[level, default: 0]
      print("  \(pad(level, 7)) \(count)")
    }
    let common = reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    print("most common reasons: "
      + common.prefix(3).map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
    for failure in failures {
      print("line \(failure.line): \(failure.message)")
    }
    if !failures.isEmpty { exit(2) }
  }
}
