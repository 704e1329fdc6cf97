/// Streaming XXH64 (xxHash, 64-bit, seed 0): a fast non-cryptographic checksum.
///
/// Snapshots use it to detect corruption (truncated or altered files); it runs at several
/// gigabytes per second, where SHA-256 runs at a few hundred megabytes. It is not a defence
/// against deliberate tampering: file identity uses ``SHA256``.
public struct XXHash64: Sendable {
  private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

  private var v1: UInt64 = 0
  private var v2: UInt64 = 0
  private var v3: UInt64 = 0
  private var v4: UInt64 = 0
  /// Up to 31 bytes waiting for a whole 32-byte stripe, as four words.
  private var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var buffered = 0
  private var length: UInt64 = 0

  /// Creates a hasher (seed 0).
  public init() {
    v1 = Self.prime1 &+ Self.prime2
    v2 = Self.prime2
    v3 = 0
    v4 = 0 &- Self.prime1
  }

  /// Feeds bytes into the hash.
  /// - Parameter bytes: The next part of the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard var base = bytes.baseAddress, bytes.count > 0 else { return }
    var remaining = bytes.count
    length &+= UInt64(remaining)
    if buffered > 0 {
      let take = min(32 - buffered, remaining)
      withUnsafeMutableBytes(of: &buffer) { stripe in
        stripe.baseAddress.map { ($0 + buffered).copyMemory(from: base, byteCount: take) }
      }
      buffered += take
      base += take
      remaining -= take
      guard buffered == 32 else { return }
      let stripe = buffer
      v1 = Self.round(v1, UInt64(littleEndian: stripe.0))
      v2 = Self.round(v2, UInt64(littleEndian: stripe.1))
      v3 = Self.round(v3, UInt64(littleEndian: stripe.2))
      v4 = Self.round(v4, UInt64(littleEndian: stripe.3))
      buffered = 0
    }
    if remaining >= 32 {
      var a = v1
      var b = v2
      var c = v3
      var d = v4
      let end = base + (remaining & ~31)
      while base < end {
        a = Self.round(a, Self.word(base, 0))
        b = Self.round(b, Self.word(base, 8))
        c = Self.round(c, Self.word(base, 16))
        d = Self.round(d, Self.word(base, 24))
        base += 32
      }
      (v1, v2, v3, v4) = (a, b, c, d)
      remaining &= 31
    }
    if remaining > 0 {
      withUnsafeMutableBytes(of: &buffer) { stripe in
        stripe.baseAddress?.copyMemory(from: base, byteCount: remaining)
      }
      buffered = remaining
    }
  }

  /// Completes the hash.
  /// - Returns: The 64-bit digest.
  public func finalize() -> UInt64 {
    var hash: UInt64
    if length >= 32 {
      hash = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      hash = Self.merge(hash, v1)
      hash = Self.merge(hash, v2)
      hash = Self.merge(hash, v3)
      hash = Self.merge(hash, v4)
    } else {
      hash = Self.prime5
    }
    hash &+= length
    var tail = buffer
    let count = buffered
    return withUnsafeBytes(of: &tail) { raw -> UInt64 in
      var index = 0
      while index + 8 <= count {
        hash ^= Self.round(
          0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        hash = rotl(hash, 27) &* Self.prime1 &+ Self.prime4
        index += 8
      }
      if index + 4 <= count {
        let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
        hash ^= UInt64(word) &* Self.prime1
        hash = rotl(hash, 23) &* Self.prime2 &+ Self.prime3
        index += 4
      }
      while index < count {
        hash ^= UInt64(raw[index]) &* Self.prime5
        hash = rotl(hash, 11) &* Self.prime1
        index += 1
      }
      hash ^= hash >> 33
      hash = hash &* Self.prime2
      hash ^= hash >> 29
      hash = hash &* Self.prime3
      hash ^= hash >> 32
      return hash
    }
  }

  /// Hashes a complete message.
  /// - Parameter bytes: The message.
  /// - Returns: The 64-bit digest.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hasher = XXHash64()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Hashes a complete message.
  /// - Parameter bytes: The message.
  /// - Returns: The 64-bit digest.
  public static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { hash($0) }
  }

  @inline(__always)
  private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
    rotl(accumulator &+ input &* prime2, 31) &* prime1
  }

  @inline(__always)
  private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
    (accumulator ^ round(0, value)) &* prime1 &+ prime4
  }

  @inline(__always)
  private static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }
}

@inline(__always)
private func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 {
  (value << count) | (value >> (64 &- count))
}
