import Testing
import Verdant
import VerdantTestSupport

/// Evaluates a table over `s.g` (Grade) and `s.p` (Percent).
private func table(_ policy: String, _ type: String, _ rows: String, g: String, p: String) throws -> Value? {
  let source = """
    enum Grade { A, B, C }
    enum Tier { gold, silver, bronze, none }
    input s { g: Grade, p: Percent, certs: Set<Text> }
    table t\(type.isEmpty ? "" : ": \(type)") hit \(policy) {
      s.g | s.p => out
    \(rows)
    }
    """
  return try evaluateForTest(
    source, json: #"{"s": {"g": "\#(g)", "p": \#(p), "certs": ["A", "B"]}}"#, outputs: ["t"])["t"]
}

private func text(_ value: Value?) -> String { value.map { JSONWriter.string($0.json) } ?? "none" }

@Suite("Decision tables: hit policies")
struct TableEvaluationTests {
  let overlapping = "A | >= 10% => silver\nA | >= 20% => gold\n- | - => none"

  @Test("first: the first matching row, with or without overlaps")
  func first() throws {
    #expect(text(try table("first", "Tier", overlapping, g: "A", p: "25")) == "\"silver\"")
    #expect(text(try table("first", "Tier", overlapping, g: "B", p: "25")) == "\"none\"")
  }

  @Test("priority: the matching output first in enum order")
  func priority() throws {
    #expect(text(try table("priority", "Tier", overlapping, g: "A", p: "25")) == "\"gold\"")
    #expect(text(try table("priority", "Tier", overlapping, g: "A", p: "15")) == "\"silver\"")
    #expect(text(try table("priority", "Tier", overlapping, g: "C", p: "15")) == "\"none\"")
  }

  @Test("unique: the one matching row")
  func unique() throws {
    let rows = "A | >= 20% => gold\nA | < 20% => silver\nB, C | - => none"
    #expect(text(try table("unique", "Tier", rows, g: "A", p: "20")) == "\"gold\"")
    #expect(text(try table("unique", "Tier", rows, g: "A", p: "19.99")) == "\"silver\"")
    #expect(text(try table("unique", "Tier", rows, g: "C", p: "50")) == "\"none\"")
  }

  @Test("unique: rows that overlap at run time are an evaluation error")
  func uniqueRuntimeOverlap() throws {
    let source = """
      enum Grade { A, B, C }
      input s { g: Grade, certs: Set<Text> }
      table t hit unique {
        s.g | s.certs => out
        A | contains "A" => 1
        A | - => 2
        B, C | - => 3
      }
      """
    let error = try #require(
      #expect(throws: EvaluationError.self) {
        try evaluateForTest(source, json: #"{"s": {"g": "A", "certs": ["A"]}}"#)
      })
    #expect(error.code.rawValue == "V4008")
    #expect(error.message == "rows 1 and 2 of table `t` all match, but its hit policy is unique")
    #expect(error.declaration == "t")
    #expect(error.span.location.description == "3:7")
    let single = try evaluateForTest(source, json: #"{"s": {"g": "A", "certs": ["B"]}}"#)
    #expect(single["t"] == .int(2))
  }

  @Test("any: matching rows agree, or it is an evaluation error")
  func any() throws {
    let rows = "A | - => 1\n- | >= 10% => 1\n- | - => 1"
    #expect(text(try table("any", "", rows, g: "A", p: "50")) == "1")
    let source = """
      enum Grade { A, B, C }
      input s { g: Grade, certs: Set<Text> }
      table t hit any {
        s.g | s.certs => out
        A | contains "B" => 2
        A | - => 1
        B, C | - => 1
      }
      """
    let error = try #require(
      #expect(throws: EvaluationError.self) {
        try evaluateForTest(source, json: #"{"s": {"g": "A", "certs": ["B"]}}"#)
      })
    #expect(error.code.rawValue == "V4010")
    #expect(error.message == "rows 1 and 2 of table `t` both match but give 2 and 1")
  }

  @Test("collect: every matching output in row order; none gives an empty list")
  func collect() throws {
    #expect(text(try table("collect", "Tier", overlapping, g: "A", p: "25")) == #"["silver","gold","none"]"#)
    #expect(text(try table("collect", "Tier", "A | - => gold", g: "B", p: "25")) == "[]")
  }

  @Test("collect sum, count, min and max")
  func aggregates() throws {
    let rows = "A | - => 10\n- | >= 10% => 5\n- | >= 20% => 1"
    #expect(text(try table("collect sum", "", rows, g: "A", p: "25")) == "16")
    #expect(text(try table("collect sum", "", rows, g: "B", p: "5")) == "0")
    #expect(text(try table("collect count", "", rows, g: "A", p: "15")) == "2")
    #expect(text(try table("collect min", "", rows, g: "A", p: "25")) == "1")
    #expect(text(try table("collect max", "", rows, g: "B", p: "25")) == "5")
    #expect(text(try table("collect max", "", rows, g: "B", p: "5")) == "null")
  }

  @Test("several outputs give a record")
  func severalOutputs() throws {
    let source = """
      input s { p: Percent }
      table t hit first {
        s.p => rate | label
        >= 20% => 5% | "high"
        - => 0% | "low"
      }
      output let rate = t.rate
      """
    let result = try evaluateForTest(source, json: #"{"s": {"p": 25}}"#)
    #expect(text(result["t"]) == #"{"rate":5,"label":"high"}"#)
    #expect(text(result["rate"]) == "5")
    // Commas separate output columns as well as pipes, in the header and in the rows.
    let commas = source.replacingOccurrences(of: " | ", with: ", ")
    let withCommas = try evaluateForTest(commas, json: #"{"s": {"p": 25}}"#)
    #expect(text(withCommas["t"]) == #"{"rate":5,"label":"high"}"#)
  }
}
