/// Streaming SHA-256 (FIPS 180-4).
///
/// Used to fingerprint policy sources and input files, some of them hundreds of megabytes,
/// so whole 64-byte blocks are compressed straight from the caller's buffer and only a
/// trailing partial block is copied.
public struct SHA256: Sendable {
  /// The eight hash words H0...H7, as a tuple so they need no heap storage.
  var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
    0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  /// Bytes of an incomplete block waiting for more input (fewer than 64).
  private var pending: [UInt8] = []
  /// Total message length in bytes so far.
  private var byteCount: UInt64 = 0

  /// Creates a hasher for a new message.
  public init() {
    pending.reserveCapacity(64)
  }

  /// Feeds raw bytes into the hash.
  ///
  /// - Parameter bytes: The next part of the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard var base = bytes.baseAddress, bytes.count > 0 else { return }
    var remaining = bytes.count
    byteCount &+= UInt64(remaining)
    if !pending.isEmpty {
      let take = min(64 - pending.count, remaining)
      pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
      base += take
      remaining -= take
      guard pending.count == 64 else { return }
      let block = pending
      block.withUnsafeBytes { raw in
        if let start = raw.baseAddress { compress(start, blocks: 1) }
      }
      pending.removeAll(keepingCapacity: true)
    }
    let wholeBlocks = remaining / 64
    if wholeBlocks > 0 {
      compress(base, blocks: wholeBlocks)
      base += wholeBlocks * 64
      remaining -= wholeBlocks * 64
    }
    if remaining > 0 {
      pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: remaining))
    }
  }

  /// Feeds a sequence of bytes into the hash.
  ///
  /// - Parameter bytes: The next part of the message; contiguous collections are hashed in
  ///   place, other sequences are buffered in chunks.
  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(UnsafeRawBufferPointer(buffer))
    }
    guard handled == nil else { return }
    var chunk: [UInt8] = []
    chunk.reserveCapacity(4096)
    for byte in bytes {
      chunk.append(byte)
      if chunk.count == 4096 {
        chunk.withUnsafeBytes { update($0) }
        chunk.removeAll(keepingCapacity: true)
      }
    }
    chunk.withUnsafeBytes { update($0) }
  }

  /// Feeds the UTF-8 encoding of a string into the hash.
  ///
  /// - Parameter text: The next part of the message.
  public mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
  }

  /// Completes the hash.
  ///
  /// - Returns: The 32-byte digest.
  public consuming func finalize() -> [UInt8] {
    let bitLength = byteCount &* 8
    // Padding: 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
    var tail: [UInt8] = [0x80]
    let used = (pending.count + 1) % 64
    let zeros = used <= 56 ? 56 - used : 120 - used
    tail.append(contentsOf: repeatElement(0, count: zeros))
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBytes { update($0) }
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  /// Hashes a complete message.
  ///
  /// - Parameter bytes: The message.
  /// - Returns: The 32-byte digest.
  public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Hashes a complete message and renders the digest as text.
  ///
  /// - Parameter bytes: The message.
  /// - Returns: The digest as 64 lowercase hexadecimal digits.
  public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
    let digest = hash(bytes)
    return String(unsafeUninitializedCapacity: 64) { buffer in
      func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
      }
      for (index, byte) in digest.enumerated() {
        buffer[2 * index] = hexDigit(byte >> 4)
        buffer[2 * index + 1] = hexDigit(byte & 0x0F)
      }
      return 64
    }
  }
}
