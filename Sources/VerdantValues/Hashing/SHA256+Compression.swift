/// The SHA-256 compression function, kept apart from the streaming bookkeeping.
extension SHA256 {
  /// Runs the compression function over consecutive 64-byte blocks.
  ///
  /// The 64 rounds are unrolled with the round constants inlined and the message schedule
  /// held in a rolling window of sixteen locals, so the whole state lives in registers.
  ///
  /// - Parameter start: The first byte of the first block; no alignment is required.
  /// - Parameter blocks: How many blocks to process.
  mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
    var state = state
    var block = start
    for _ in 0..<blocks {
      var a = state.0, b = state.1, c = state.2, d = state.3
      var e = state.4, f = state.5, g = state.6, h = state.7
      var w0 = word(block, 0)
      var w1 = word(block, 1)
      var w2 = word(block, 2)
      var w3 = word(block, 3)
      var w4 = word(block, 4)
      var w5 = word(block, 5)
      var w6 = word(block, 6)
      var w7 = word(block, 7)
      var w8 = word(block, 8)
      var w9 = word(block, 9)
      var w10 = word(block, 10)
      var w11 = word(block, 11)
      var w12 = word(block, 12)
      var w13 = word(block, 13)
      var w14 = word(block, 14)
      var w15 = word(block, 15)
      round(a, b, c, &d, e, f, g, &h, 0x428a2f98, w0)
      round(h, a, b, &c, d, e, f, &g, 0x71374491, w1)
      round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf, w2)
      round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5, w3)
      round(e, f, g, &h, a, b, c, &d, 0x3956c25b, w4)
      round(d, e, f, &g, h, a, b, &c, 0x59f111f1, w5)
      round(c, d, e, &f, g, h, a, &b, 0x923f82a4, w6)
      round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5, w7)
      round(a, b, c, &d, e, f, g, &h, 0xd807aa98, w8)
      round(h, a, b, &c, d, e, f, &g, 0x12835b01, w9)
      round(g, h, a, &b, c, d, e, &f, 0x243185be, w10)
      round(f, g, h, &a, b, c, d, &e, 0x550c7dc3, w11)
      round(e, f, g, &h, a, b, c, &d, 0x72be5d74, w12)
      round(d, e, f, &g, h, a, b, &c, 0x80deb1fe, w13)
      round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7, w14)
      round(b, c, d, &e, f, g, h, &a, 0xc19bf174, w15)
      w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
      round(a, b, c, &d, e, f, g, &h, 0xe49b69c1, w0)
      w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
      round(h, a, b, &c, d, e, f, &g, 0xefbe4786, w1)
      w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
      round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6, w2)
      w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
      round(f, g, h, &a, b, c, d, &e, 0x240ca1cc, w3)
      w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
      round(e, f, g, &h, a, b, c, &d, 0x2de92c6f, w4)
      w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
      round(d, e, f, &g, h, a, b, &c, 0x4a7484aa, w5)
      w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
      round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc, w6)
      w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
      round(b, c, d, &e, f, g, h, &a, 0x76f988da, w7)
      w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
      round(a, b, c, &d, e, f, g, &h, 0x983e5152, w8)
      w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
      round(h, a, b, &c, d, e, f, &g, 0xa831c66d, w9)
      w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
      round(g, h, a, &b, c, d, e, &f, 0xb00327c8, w10)
      w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
      round(f, g, h, &a, b, c, d, &e, 0xbf597fc7, w11)
      w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
      round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3, w12)
      w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
      round(d, e, f, &g, h, a, b, &c, 0xd5a79147, w13)
      w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
      round(c, d, e, &f, g, h, a, &b, 0x06ca6351, w14)
      w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
      round(b, c, d, &e, f, g, h, &a, 0x14292967, w15)
      w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
      round(a, b, c, &d, e, f, g, &h, 0x27b70a85, w0)
      w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
      round(h, a, b, &c, d, e, f, &g, 0x2e1b2138, w1)
      w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
      round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc, w2)
      w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
      round(f, g, h, &a, b, c, d, &e, 0x53380d13, w3)
      w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
      round(e, f, g, &h, a, b, c, &d, 0x650a7354, w4)
      w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
      round(d, e, f, &g, h, a, b, &c, 0x766a0abb, w5)
      w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
      round(c, d, e, &f, g, h, a, &b, 0x81c2c92e, w6)
      w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
      round(b, c, d, &e, f, g, h, &a, 0x92722c85, w7)
      w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
      round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1, w8)
      w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
      round(h, a, b, &c, d, e, f, &g, 0xa81a664b, w9)
      w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
      round(g, h, a, &b, c, d, e, &f, 0xc24b8b70, w10)
      w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
      round(f, g, h, &a, b, c, d, &e, 0xc76c51a3, w11)
      w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
      round(e, f, g, &h, a, b, c, &d, 0xd192e819, w12)
      w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
      round(d, e, f, &g, h, a, b, &c, 0xd6990624, w13)
      w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
      round(c, d, e, &f, g, h, a, &b, 0xf40e3585, w14)
      w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
      round(b, c, d, &e, f, g, h, &a, 0x106aa070, w15)
      w0 = w0 &+ sigma0(w1) &+ w9 &+ sigma1(w14)
      round(a, b, c, &d, e, f, g, &h, 0x19a4c116, w0)
      w1 = w1 &+ sigma0(w2) &+ w10 &+ sigma1(w15)
      round(h, a, b, &c, d, e, f, &g, 0x1e376c08, w1)
      w2 = w2 &+ sigma0(w3) &+ w11 &+ sigma1(w0)
      round(g, h, a, &b, c, d, e, &f, 0x2748774c, w2)
      w3 = w3 &+ sigma0(w4) &+ w12 &+ sigma1(w1)
      round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5, w3)
      w4 = w4 &+ sigma0(w5) &+ w13 &+ sigma1(w2)
      round(e, f, g, &h, a, b, c, &d, 0x391c0cb3, w4)
      w5 = w5 &+ sigma0(w6) &+ w14 &+ sigma1(w3)
      round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a, w5)
      w6 = w6 &+ sigma0(w7) &+ w15 &+ sigma1(w4)
      round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f, w6)
      w7 = w7 &+ sigma0(w8) &+ w0 &+ sigma1(w5)
      round(b, c, d, &e, f, g, h, &a, 0x682e6ff3, w7)
      w8 = w8 &+ sigma0(w9) &+ w1 &+ sigma1(w6)
      round(a, b, c, &d, e, f, g, &h, 0x748f82ee, w8)
      w9 = w9 &+ sigma0(w10) &+ w2 &+ sigma1(w7)
      round(h, a, b, &c, d, e, f, &g, 0x78a5636f, w9)
      w10 = w10 &+ sigma0(w11) &+ w3 &+ sigma1(w8)
      round(g, h, a, &b, c, d, e, &f, 0x84c87814, w10)
      w11 = w11 &+ sigma0(w12) &+ w4 &+ sigma1(w9)
      round(f, g, h, &a, b, c, d, &e, 0x8cc70208, w11)
      w12 = w12 &+ sigma0(w13) &+ w5 &+ sigma1(w10)
      round(e, f, g, &h, a, b, c, &d, 0x90befffa, w12)
      w13 = w13 &+ sigma0(w14) &+ w6 &+ sigma1(w11)
      round(d, e, f, &g, h, a, b, &c, 0xa4506ceb, w13)
      w14 = w14 &+ sigma0(w15) &+ w7 &+ sigma1(w12)
      round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7, w14)
      w15 = w15 &+ sigma0(w0) &+ w8 &+ sigma1(w13)
      round(b, c, d, &e, f, g, h, &a, 0xc67178f2, w15)
      state.0 &+= a
      state.1 &+= b
      state.2 &+= c
      state.3 &+= d
      state.4 &+= e
      state.5 &+= f
      state.6 &+= g
      state.7 &+= h
      block += 64
    }
    self.state = state
  }
}

/// One SHA-256 round, written so the caller renames registers instead of moving them.
@inline(__always)
private func round(
  _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
  _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
  _ constant: UInt32, _ word: UInt32
) {
  let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
  let choice = g ^ (e & (f ^ g))
  let t1 = h &+ bigSigma1 &+ choice &+ constant &+ word
  let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
  let majority = (a & b) | (c & (a | b))
  d &+= t1
  h = t1 &+ bigSigma0 &+ majority
}

/// The big-endian 32-bit word at `index` of a block.
@inline(__always)
private func word(_ block: UnsafeRawPointer, _ index: Int) -> UInt32 {
  UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
}

/// The message-schedule function σ0.
@inline(__always)
private func sigma0(_ x: UInt32) -> UInt32 { rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3) }

/// The message-schedule function σ1.
@inline(__always)
private func sigma1(_ x: UInt32) -> UInt32 { rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10) }

/// Rotates right; the compiler emits a single rotate instruction.
@inline(__always)
private func rotr(_ x: UInt32, _ count: UInt32) -> UInt32 {
  (x >> count) | (x << (32 &- count))
}
