/// Small rulesets shared by several test targets.
public enum Fixtures {
  /// A supplier rating with a scorecard, a rule, a first-hit table and a parameter (the
  /// design brief's running example).
  public static let rating = """
    ruleset "rating" version "1"
    enum Grade { A, B, C, D }
    enum SubsidyTier { gold, silver, bronze, none }
    input supplier {
      revenue: Money
      emissions_tco2e: Decimal
      packaging_recycling_rate: Percent
      carbon_reduction: Percent
      certifications: Set<Text>
      major_violations_3y: Int
    }
    let carbon_intensity: Decimal = supplier.emissions_tco2e / (supplier.revenue / 10_000 CNY)
    param subsidy_cap: Money {
      2024-01-01: 500_000 CNY
      2025-07-01: 800_000 CNY
    }
    scorecard green_score {
      baseline 0
      characteristic carbon_intensity {
        < 0.3           => 30
        0.3 ..< 0.6     => 20
        0.6 ..< 1.0     => 10
        >= 1.0          => 0     reason "CARBON_INTENSITY_HIGH"
      }
      characteristic supplier.packaging_recycling_rate {
        >= 90%          => 25
        60% ..< 90%     => 15
        < 60%           => 0     reason "PACKAGING_RECYCLING_LOW"
      }
      characteristic supplier.certifications {
        contains "GB/T 19630" => 15
        otherwise             => 0  reason "NO_ORGANIC_CERTIFICATION"
      }
    }
    rule grade: Grade {
      when supplier.major_violations_3y > 0  => D   because "major environmental violation in 3 years"
      when green_score.total >= 85           => A
      when green_score.total >= 60           => B
      when green_score.total >= 50           => C
      otherwise                              => D
    }
    table subsidy_tier: SubsidyTier hit first {
      grade  | supplier.carbon_reduction => tier
      A      | >= 20%                    => gold
      A, B   | >= 10%                    => silver
      -      | >= 5%                     => bronze    because "provincial pilot"
      -      | -                         => none
    }
    output let cap = subsidy_cap

    """

  /// An input for ``rating``: grade B, silver tier.
  public static let ratingInput = """
    {"supplier": {"revenue": {"amount": 12000000, "currency": "CNY"}, "emissions_tco2e": 240,
     "packaging_recycling_rate": 92, "carbon_reduction": 12, "certifications": ["GB/T 19630"],
     "major_violations_3y": 0}}
    """
}
