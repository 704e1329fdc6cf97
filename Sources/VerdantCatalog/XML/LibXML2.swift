internal import CLibXML2

/// Process-wide libxml2 setup, done once before the first catalog is read.
enum LibXML2 {
  /// Runs the one-time setup; Swift guarantees a `static let` initializer runs exactly once,
  /// even when several threads import catalogs at the same time.
  private static let setUp: Void = {
    // Initialise libxml2's global tables before any concurrent use. Never pair this with
    // xmlCleanupParser(): that tears down state other libxml2 users in the process share.
    xmlInitParser()
    // Every resource libxml2 loads by URL (external DTDs and entities, schema imports and
    // includes) goes through this loader, so installing the no-network loader once means no
    // libxml2 code path in this process can reach the network, whatever options a caller
    // passes. Catalog documents additionally never load external entities at all.
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
  }()

  /// Makes sure the one-time setup has run.
  static func prepare() { setUp }
}
