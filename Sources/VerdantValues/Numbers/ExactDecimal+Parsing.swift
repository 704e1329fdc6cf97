extension ExactDecimal {
  /// Parses decimal text exactly, without ever going through binary floating point.
  ///
  /// The syntax is JSON's number syntax plus an optional leading `+`: an optional sign,
  /// an integer part without leading zeros, an optional `.` followed by at least one digit,
  /// and an optional exponent `e`/`E` with an optional sign and at least one digit. So
  /// `"1.5e-2"` is 0.015, `"1e3"` is 1000 and `"0.10"` is 0.1; `"5."`, `".5"`, `"01"` and
  /// `"1_000"` are rejected.
  ///
  /// - Parameter text: The text to parse; it must contain nothing but the number.
  /// - Throws: `DecimalParseError.invalidSyntax` with a reason for malformed text,
  ///   `.tooManyFractionDigits` if the value needs more than 18 fraction digits (trailing
  ///   zeros do not count), `.outOfRange` if the magnitude exceeds `maximum`.
  public init(parsing text: some StringProtocol) throws(DecimalParseError) {
    let parsed: Result<ExactDecimal, DecimalParseError>? = text.utf8
      .withContiguousStorageIfAvailable { ExactDecimal.parse(utf8: $0) }
    if let parsed {
      self = try parsed.get()
    } else {
      let bytes = Array(text.utf8)
      self = try bytes.withUnsafeBufferPointer { ExactDecimal.parse(utf8: $0) }.get()
    }
  }

  /// Parses a number from UTF-8 bytes; shared with the JSON and source-text front ends.
  ///
  /// - Parameter bytes: The complete number text.
  /// - Returns: The value or the reason it was rejected.
  static func parse(
    utf8 bytes: UnsafeBufferPointer<UInt8>
  ) -> Result<ExactDecimal, DecimalParseError> {
    let count = bytes.count
    var index = 0
    guard count > 0 else { return .failure(.invalidSyntax("expected a number, found nothing")) }
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    @inline(__always) func isDigit(_ at: Int) -> Bool {
      at < count && bytes[at] &- 0x30 < 10
    }
    // Integer part.
    let integerStart = index
    guard isDigit(index) else {
      return .failure(.invalidSyntax("expected a digit" + found(bytes, index)))
    }
    while isDigit(index) { index += 1 }
    let integerEnd = index
    if bytes[integerStart] == UInt8(ascii: "0") && integerEnd - integerStart > 1 {
      return .failure(.invalidSyntax("leading zeros are not allowed"))
    }
    // Fraction part.
    var fractionStart = index
    var fractionEnd = index
    if index < count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard isDigit(index) else {
        return .failure(
          .invalidSyntax("expected a digit after the decimal point" + found(bytes, index)))
      }
      fractionStart = index
      while isDigit(index) { index += 1 }
      fractionEnd = index
    }
    // Exponent, saturated: anything beyond ±100_000 is out of range for every significand.
    var exponent = 0
    if index < count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      var exponentNegative = false
      let sign = index < count ? bytes[index] : 0
      if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
        exponentNegative = sign == UInt8(ascii: "-")
        index += 1
      }
      guard isDigit(index) else {
        return .failure(
          .invalidSyntax("expected a digit in the exponent" + found(bytes, index)))
      }
      while isDigit(index) {
        exponent = min(exponent * 10 + Int(bytes[index] &- 0x30), 100_000)
        index += 1
      }
      if exponentNegative { exponent = -exponent }
    }
    guard index == count else {
      return .failure(.invalidSyntax("unexpected character" + found(bytes, index)))
    }
    return assemble(
      bytes, integer: integerStart..<integerEnd, fraction: fractionStart..<fractionEnd,
      exponent: exponent, negative: negative)
  }

  /// Turns validated digit ranges and an exponent into a value.
  private static func assemble(
    _ bytes: UnsafeBufferPointer<UInt8>, integer: Range<Int>, fraction: Range<Int>,
    exponent: Int, negative: Bool
  ) -> Result<ExactDecimal, DecimalParseError> {
    // The digits form one significand (integer digits then fraction digits) scaled by
    // 10^(exponent - fraction.count); trailing zeros move into that power of ten.
    var digitCount = integer.count + fraction.count
    func digit(_ position: Int) -> UInt8 {
      position < integer.count
        ? bytes[integer.lowerBound + position]
        : bytes[fraction.lowerBound + position - integer.count]
    }
    var power = exponent - fraction.count
    while digitCount > 0 && digit(digitCount - 1) == UInt8(ascii: "0") {
      digitCount -= 1
      power += 1
    }
    var first = 0
    while first < digitCount && digit(first) == UInt8(ascii: "0") { first += 1 }
    if first == digitCount { return .success(.zero) }
    // The value is digits × 10^power; it needs -power fraction digits.
    if power < -ExactDecimal.fractionDigits { return .failure(.tooManyFractionDigits) }
    let shift = power + ExactDecimal.fractionDigits
    // More than 39 significant digits (plus shift) cannot fit in 128 bits.
    if digitCount - first + shift > 39 { return .failure(.outOfRange) }
    var magnitude: UInt128 = 0
    for position in first..<digitCount {
      // A 39-digit significand can still exceed 2^128, so this step is checked.
      let (product, productOverflow) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, sumOverflow) = product.addingReportingOverflow(
        UInt128(digit(position) &- 0x30))
      guard !productOverflow, !sumOverflow else { return .failure(.outOfRange) }
      magnitude = sum
    }
    let (scaled, overflow) = magnitude.multipliedReportingOverflow(
      by: WideArithmetic.powerOfTen(shift))
    guard !overflow, scaled <= WideArithmetic.maximumMagnitude else {
      return .failure(.outOfRange)
    }
    return .success(ExactDecimal(negative: negative, magnitude: scaled))
  }

  /// Describes the byte at `index` for an error message, or the end of the text.
  private static func found(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> String {
    guard index < bytes.count else { return ", found end of text" }
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F {
      return ", found `\(Character(Unicode.Scalar(byte)))`"
    }
    return ", found byte 0x" + String(byte, radix: 16, uppercase: true)
  }
}
