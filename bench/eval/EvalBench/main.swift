// Evaluation benchmarks for Verdant (see bench/eval/run.sh and docs/PERFORMANCE.md).
//
//   EvalBench ROOT REGISTRY.csv [ITERATIONS]
//
// Reports, for the shipped rulesets under ROOT/rulesets: compile time (check + compile, with
// catalogs loaded once beforehand and excluded); and for the supplier rating on the rows of
// REGISTRY.csv (decoded once beforehand, so input parsing is excluded): single-evaluation
// latency p50/p99, throughput on one core, and throughput on every core with one evaluator
// per thread. Figures are printed, never asserted.

import Dispatch
import Verdant

#if canImport(Glibc)
  import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  print("usage: EvalBench ROOT REGISTRY.csv [ITERATIONS]")
  exit(64)
}
let root = arguments[1]
let registry = arguments[2]
let iterations = arguments.count > 3 ? Int(arguments[3]) ?? 2_000_000 : 2_000_000
let clock = ContinuousClock()
let asOf = CivilDate(iso8601: "2026-03-01")!

func microseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

func format(_ value: Double, _ places: Int = 2) -> String {
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  return "\(rounded)"
}

// MARK: - Compile time

print("== compile (check + compile; catalogs excluded), median of 50")
for file in FileSystem.files(under: root + "/rulesets", withSuffix: ".verdant").sorted()
where !file.hasSuffix(".test.verdant") {
  let text = try FileSystem.readText(atPath: file)
  let source = SourceFile(path: file, text: text)
  guard let checked = Ruleset.check(source).ruleset else {
    print("\(file): has errors; skipped")
    continue
  }
  let catalogs = try Ruleset.loadCatalogs(for: checked)
  var samples: [Double] = []
  for _ in 0..<50 {
    let start = clock.now
    let rechecked = Ruleset.check(source).ruleset!
    _ = CompiledRuleset(rechecked, catalogs: catalogs.tables, additionalWarnings: [])
    samples.append(microseconds(clock.now - start))
  }
  samples.sort()
  let name = file.split(separator: "/").last!
  print("compile_ms[\(name)] = \(format(samples[samples.count / 2] / 1000, 3))")
}

// MARK: - Inputs

let ruleset = try Ruleset.compile(contentsOfFile: root + "/rulesets/supplier-green-credit.verdant")
let reader = try ByteReader(path: registry)
let chunks = RecordChunkReader(reader, quoteAware: true)
let header = try chunks.next(maxRecords: 1)!
let mapping = try CSVInputMapping(header: try CSVFields.split(header[0]).get(), ruleset: ruleset)
var decoded: [InputValues] = []
while let chunk = try chunks.next(maxRecords: 8192) {
  for index in chunk.records.indices {
    decoded.append(try mapping.decode(try CSVFields.split(chunk[index]).get()))
  }
}
let inputs = decoded
print("== supplier rating on \(inputs.count) suppliers from \(registry)")

// MARK: - Latency

let evaluator = ruleset.makeEvaluator()
for input in inputs.prefix(10_000) { _ = try evaluator.evaluate(input, asOf: asOf) }
var latencies: [Double] = []
latencies.reserveCapacity(200_000)
for index in 0..<200_000 {
  let input = inputs[index % inputs.count]
  let start = clock.now
  _ = try evaluator.evaluate(input, asOf: asOf)
  latencies.append(microseconds(clock.now - start))
}
var clockCost: [Double] = []
for _ in 0..<200_000 {
  let start = clock.now
  clockCost.append(microseconds(clock.now - start))
}
clockCost.sort()
latencies.sort()
let overhead = clockCost[clockCost.count / 2]
print("latency_us_p50 = \(format(latencies[latencies.count / 2] - overhead, 3))")
print("latency_us_p99 = \(format(latencies[latencies.count * 99 / 100] - overhead, 3))")
print("(clock read cost \(format(overhead, 3)) µs subtracted)")

// MARK: - Throughput

/// Evaluations per second on `threads` threads. With `replicas`, each thread compiles its own
/// copy of the ruleset (as batch workers do), so threads share no closure contexts.
/// With `outputs`, only those outputs (and what they read) are computed.
func throughput(
  threads: Int, inputs: [InputValues], replicas: Bool = false, outputs: [String]? = nil
) -> Double {
  let perThread = iterations / threads
  let start = clock.now
  DispatchQueue.concurrentPerform(iterations: threads) { thread in
    let compiled = replicas ? CompiledRuleset(ruleset.checked) : ruleset
    let evaluator = compiled.makeEvaluator(outputs: outputs.map { try! compiled.outputs(named: $0) })
    var index = thread * 7919
    for _ in 0..<perThread {
      _ = try? evaluator.evaluate(inputs[index % inputs.count], asOf: asOf)
      index += 1
    }
  }
  let seconds = microseconds(clock.now - start) / 1e6
  return Double(perThread * threads) / seconds
}

let cores = BatchOptions.processorCount
print("evaluations_per_second_1_core = \(Int(throughput(threads: 1, inputs: inputs)))")
print(
  "evaluations_per_second_1_core_credit_level_only = "
    + "\(Int(throughput(threads: 1, inputs: inputs, outputs: ["credit_level"])))")
print("evaluations_per_second_\(cores)_cores_shared_ruleset = \(Int(throughput(threads: cores, inputs: inputs)))")
print(
  "evaluations_per_second_\(cores)_cores_ruleset_per_thread = "
    + "\(Int(throughput(threads: cores, inputs: inputs, replicas: true)))")

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak_rss_mb = \(format(Double(usage.ru_maxrss) / 1024, 1))")
