/// Finds the declared name closest to a misspelt one, for "did you mean" help.
///
/// Uses the optimal-string-alignment distance (Damerau–Levenshtein with adjacent
/// transpositions), the measure Cedar and rustc use for the same purpose, and accepts a
/// candidate only when it is close relative to the name's length, so that short names do not
/// attract wild guesses.
public enum NameSuggestion {
  /// The candidate closest to `name`, or `nil` when none is close enough.
  /// - Parameters:
  ///   - name: The name that was not found.
  ///   - candidates: Names that were in scope.
  /// - Returns: The best candidate; among equally close ones, the one sharing the longest
  ///   prefix with `name` (typos are rarer at the start of a word), then the earliest.
  public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
    let target = Array(name.unicodeScalars)
    // Names of one or two letters are too short for a guess to mean anything.
    let limit = target.count < 3 ? 0 : max(1, target.count / 3)
    var best: (name: String, distance: Int, prefix: Int)?
    for candidate in candidates where candidate != name {
      let scalars = Array(candidate.unicodeScalars)
      if abs(scalars.count - target.count) > limit { continue }
      let caseOnly = candidate.lowercased() == name.lowercased()
      let distance = caseOnly ? 0 : self.distance(target, scalars)
      guard distance <= limit else { continue }
      let prefix = zip(target, scalars).prefix { $0 == $1 }.count
      if let current = best,
        distance > current.distance || (distance == current.distance && prefix <= current.prefix)
      {
        continue
      }
      best = (candidate, distance, prefix)
    }
    return best?.name
  }

  /// The optimal-string-alignment distance between two scalar sequences.
  public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
