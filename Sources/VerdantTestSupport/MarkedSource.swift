/// Source text with location markers (`1️⃣`, `2️⃣`, …) removed, remembering where each was.
///
/// Tests write the expected location of a diagnostic inline, as swift-syntax's tests do:
/// `let x = 1️⃣grde + 1`.
public struct MarkedSource: Sendable {
  /// The text without markers.
  public let text: String
  /// The UTF-8 offset of each marker in ``text``.
  public let markers: [String: Int]

  /// Strips markers from marked text.
  public init(_ marked: String) {
    var text = ""
    var markers: [String: Int] = [:]
    var offset = 0
    var scalars = Array(marked.unicodeScalars)[...]
    while let scalar = scalars.first {
      // A keycap marker is a digit, U+FE0F and U+20E3.
      if scalars.count >= 3, ("1"..."9").contains(scalar),
        scalars[scalars.startIndex + 1] == "\u{FE0F}", scalars[scalars.startIndex + 2] == "\u{20E3}"
      {
        markers[String(scalars.prefix(3).map(Character.init))] = offset
        scalars = scalars.dropFirst(3)
        continue
      }
      text.unicodeScalars.append(scalar)
      offset += String(scalar).utf8.count
      scalars = scalars.dropFirst()
    }
    self.text = text
    self.markers = markers
  }
}
