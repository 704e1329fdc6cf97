import Testing

@testable import VerdantValues

@Suite("SHA256")
struct SHA256Tests {
  static let millionA = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)

  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
        + "klmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    ("héllo wörld ✓", "c2a59c71097b678dc5af2eb1f98ddc575b63948b0fa6740071a945673aaada4d"),
  ])
  func nistVectors(message: String, digest: String) {
    #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
    var hasher = SHA256()
    hasher.update(message)
    #expect(hasher.finalize().hexString == digest)
  }

  @Test func oneMillionA() {
    #expect(
      SHA256.hexDigest(Self.millionA)
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127, 128, 1000, 4096])
  func streamingInAnyChunkSizeMatches(chunkSize: Int) {
    let message = Self.millionA.prefix(100_000)
    var hasher = SHA256()
    var start = message.startIndex
    while start < message.endIndex {
      let end = min(start + chunkSize, message.endIndex)
      message[start..<end].withUnsafeBytes { hasher.update($0) }
      start = end
    }
    #expect(
      hasher.finalize().hexString
        == "6d1cf22d7cc09b085dfc25ee1a1f3ae0265804c607bc2074ad253bcc82fd81ee")
  }

  @Test func paddingBoundaries() {
    // Lengths around the 55/56/64-byte padding edges, checked against reference digests.
    let expected = [
      55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
      56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
      57: "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6",
      63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
      64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
      65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
    ]
    for (length, digest) in expected {
      #expect(SHA256.hexDigest(Self.millionA.prefix(length)) == digest, "length \(length)")
    }
  }

  @Test func nonContiguousSequences() {
    let bytes = (0..<1000).lazy.map { UInt8($0 % 251) }
    #expect(
      SHA256.hexDigest(bytes)
        == "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d")
    #expect(SHA256.hash(bytes).count == 32)
    #expect(SHA256.hash(bytes).prefix(2) == [0x4e, 0x4c])
  }
}

extension [UInt8] {
  /// Lowercase hex, to compare digests with published vectors.
  fileprivate var hexString: String {
    map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }
}
