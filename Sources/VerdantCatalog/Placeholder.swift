// The catalog importer.
