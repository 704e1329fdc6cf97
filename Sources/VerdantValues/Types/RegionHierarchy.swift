/// A declared region hierarchy (`regions { CN { CN-ZJ { CN-ZJ-HZ } } EU { EU-DE } }`).
///
/// Regions are stored as indices into flat arrays so that `r in CN-ZJ` is a walk up a parent
/// array, never a string comparison.
public final class RegionHierarchy: Sendable {
  /// The region codes in declaration order.
  public let codes: [String]
  /// For each region, the index of its parent, or `nil` for a root.
  public let parents: [Int?]
  /// For each region, its depth (roots are 0).
  public let depths: [Int]
  private let indices: [String: Int]

  /// Creates a hierarchy.
  /// - Parameters:
  ///   - codes: Region codes in declaration order (unique).
  ///   - parents: The parent index of each region (`nil` for roots); parents precede children.
  public init(codes: [String], parents: [Int?]) {
    self.codes = codes
    self.parents = parents
    var depths: [Int] = []
    depths.reserveCapacity(codes.count)
    for parent in parents {
      depths.append(parent.map { depths[$0] + 1 } ?? 0)
    }
    self.depths = depths
    var indices: [String: Int] = [:]
    for (index, code) in codes.enumerated() where indices[code] == nil {
      indices[code] = index
    }
    self.indices = indices
  }

  /// An empty hierarchy, for rulesets that declare no regions.
  public static let empty = RegionHierarchy(codes: [], parents: [])

  /// The index of a region code, or `nil` when it is not declared.
  public func index(of code: String) -> Int? { indices[code] }

  /// Whether `region` is `ancestor` or lies below it.
  public func isWithin(_ region: Int, _ ancestor: Int) -> Bool {
    var current: Int? = region
    while let index = current {
      if index == ancestor { return true }
      current = parents[index]
    }
    return false
  }
}

/// A region as a runtime value: an index into its hierarchy.
public struct Region: Sendable, Hashable, CustomStringConvertible {
  /// The hierarchy the region belongs to.
  public let hierarchy: RegionHierarchy
  /// The region's index in the hierarchy.
  public let index: Int

  /// Creates a region value; `index` must be valid in `hierarchy`.
  public init(hierarchy: RegionHierarchy, index: Int) {
    self.hierarchy = hierarchy
    self.index = index
  }

  /// The region code, e.g. `CN-ZJ-HZ`.
  public var code: String { hierarchy.codes[index] }

  /// The region code.
  public var description: String { code }

  /// The parent region, or `nil` for a root.
  public var parent: Region? {
    hierarchy.parents[index].map { Region(hierarchy: hierarchy, index: $0) }
  }

  /// Whether the region is `other` or lies below it.
  public func isWithin(_ other: Region) -> Bool { hierarchy.isWithin(index, other.index) }

  /// Equal when they are the same region of the same hierarchy.
  public static func == (lhs: Region, rhs: Region) -> Bool {
    lhs.index == rhs.index && lhs.hierarchy === rhs.hierarchy
  }

  /// Hashes the index (hierarchies are compared by identity in `==`).
  public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}
