import Testing

@testable import VerdantValues

@Suite("JSONObject")
struct JSONObjectTests {
  @Test func repeatedKeysKeepFirstPositionAndLastValue() {
    let object = JSONObject([("a", .number("1")), ("b", .null), ("a", .number("2"))])
    #expect(object.keys == ["a", "b"])
    #expect(object["a"] == .number("2"))
    #expect(object.count == 2)
  }

  @Test func appendAddsOrReplaces() {
    var object = JSONObject()
    object.append(key: "x", value: .bool(true))
    object.append(key: "y", value: .string("s"))
    object.append(key: "x", value: .bool(false))
    #expect(object.keys == ["x", "y"])
    #expect(object["x"] == .bool(false))
    #expect(object.map(\.key) == ["x", "y"])
    #expect(object.entries.map(\.value) == [.bool(false), .string("s")])
  }

  @Test(arguments: [3, 8, 9, 40])
  func lookupsWorkAtEverySize(size: Int) {
    var object = JSONObject()
    for index in 0..<size {
      object.append(key: "k\(index)", value: .number("\(index)"))
    }
    object.append(key: "k0", value: .string("replaced"))
    #expect(object.count == size)
    #expect(object["k0"] == .string("replaced"))
    #expect(object["k\(size - 1)"] == .number("\(size - 1)"))
    #expect(object["k\(size)"] == nil)
    #expect(object.keys.first == "k0")
  }

  @Test func equalityAndHashingFollowOrder() {
    let ab = JSONObject([("a", .null), ("b", .null)])
    let ba = JSONObject([("b", .null), ("a", .null)])
    #expect(ab == JSONObject([("a", .null), ("b", .null)]))
    #expect(ab != ba)
    #expect(Set([ab, JSONObject([("a", .null), ("b", .null)])]).count == 1)
    #expect(JSONObject() == JSONObject([]))
  }
}
