import Testing
import Verdant
import VerdantTestSupport

private let scorecard = """
  input s { intensity: Decimal, recycling: Percent, certifications: Set<Text>, audits: Int }
  scorecard green_score {
    baseline 5
    characteristic s.intensity as carbon {
      < 0.3           => 30
      0.3 ..< 0.6     => 20
      >= 0.6          => 0     reason "CARBON_INTENSITY_HIGH"
    }
    characteristic s.recycling weight 0.5 {
      >= 90%          => 40
      60% ..< 90%     => 20    reason "PACKAGING_RECYCLING_MEDIUM"
      < 60%           => 0     reason "PACKAGING_RECYCLING_LOW"
    }
    characteristic s.certifications {
      contains "GB/T 19630" => 15
      otherwise             => 5  reason "NO_ORGANIC_CERTIFICATION"
    }
    characteristic s.audits {
      >= 2 => 10
      < 2  => 0  reason "FEW_AUDITS"
    }
  }
  rule passes { when green_score.total >= 60 => true  otherwise => false }
  """

private func score(_ intensity: String, _ recycling: String, _ certifications: String, _ audits: Int)
  throws -> EvaluationResult
{
  try evaluateForTest(
    scorecard,
    json: """
      {"s": {"intensity": \(intensity), "recycling": \(recycling), "certifications": [\(certifications)], "audits": \(audits)}}
      """)
}

@Suite("Scorecards")
struct ScorecardEvaluationTests {
  @Test("total, weighted points per characteristic, and use from rules")
  func totals() throws {
    let result = try score("0.2", "92", "\"GB/T 19630\"", 3)
    #expect(
      JSONWriter.string(result["green_score"]?.json ?? .null)
        == #"{"total":80,"points":{"carbon":30,"recycling":20,"certifications":15,"audits":10},"reasons":[]}"#)
    #expect(result["passes"] == .bool(true))
  }

  @Test("reasons are ordered by points lost against each characteristic's maximum")
  func reasonOrder() throws {
    // Lost: carbon 30 (0 of 30), recycling 20 (0 of 20 after weight), certifications 10,
    // audits 10. Equal losses keep declaration order.
    let result = try score("0.9", "50", "", 0)
    #expect(
      JSONWriter.string(result["green_score"]?.json ?? .null)
        == #"{"total":10,"points":{"carbon":0,"recycling":0,"certifications":5,"audits":0},"reasons":["CARBON_INTENSITY_HIGH","PACKAGING_RECYCLING_LOW","NO_ORGANIC_CERTIFICATION","FEW_AUDITS"]}"#
    )
  }

  @Test("ties keep declaration order; a smaller loss comes later")
  func ties() throws {
    // Lost: carbon 10 (20 of 30), recycling 10 (10 of 20), certifications 10, audits 10.
    let result = try score("0.4", "75", "", 0)
    guard case .record(let record)? = result["green_score"], case .list(let reasons)? = record[field: "reasons"] else {
      Issue.record("no reasons")
      return
    }
    #expect(
      reasons.map(\.description) == [
        "\"PACKAGING_RECYCLING_MEDIUM\"", "\"NO_ORGANIC_CERTIFICATION\"", "\"FEW_AUDITS\"",
      ])
    #expect(record[field: "total"]?.description == "40")
  }
}
