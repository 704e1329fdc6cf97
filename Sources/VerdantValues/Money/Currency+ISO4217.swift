extension Currency {
  /// The active ISO 4217 alphabetic codes, sorted.
  ///
  /// Taken from the ISO 4217 entries in `shared/catalogs/real/iso_4217.xml`, minus codes that
  /// have since been withdrawn (for example HRK, LTL, MRO, SLL, STD, VEF, ZWD) and plus the
  /// codes that list predates (for example BYN, MRU, SLE, SSP, STN, VED, VES, XCG, ZWG).
  /// Embedded rather than read at run time so the check needs no files and cannot fail.
  public static var iso4217Codes: [String] {
    sortedISO4217.map(\.code)
  }

  /// Whether the code is in the active ISO 4217 list.
  public var isISO4217: Bool {
    // Binary search over the packed codes: no allocation, no hashing of strings.
    let table = Currency.sortedISO4217
    var low = 0
    var high = table.count
    while low < high {
      let middle = (low + high) / 2
      if table[middle].packed < packed {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < table.count && table[low].packed == packed
  }

  /// The active codes as currencies, in code order.
  private static let sortedISO4217: [Currency] = activeISO4217Codes.compactMap {
    Currency(code: $0)
  }

  /// The active codes as written in the standard; must stay sorted.
  private static let activeISO4217Codes: [String] = [
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
    "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
    "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
    "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAD", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF",
    "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
  ]
}
