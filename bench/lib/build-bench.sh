# Sourced by the bench scripts: builds one benchmark executable in release mode, in a
# throw-away package whose library targets are symlinks to this checkout's Sources/, so the
# Verdant package itself carries no benchmark target or dependency.
#
#   build_bench ROOT PACKAGE_DIR EXECUTABLE SOURCE_DIR DEPENDENCY...
#
# Prints the build's last line; the binary is PACKAGE_DIR/.build/release/EXECUTABLE. SwiftPM
# builds only the targets the executable needs.
build_bench() {
  local root="$1" dir="$2" executable="$3" source="$4"
  shift 4
  local dependencies
  dependencies="$(printf '"%s", ' "$@")"
  mkdir -p "$dir/Sources"
  for target in CLibXML2 VerdantValues VerdantSyntax VerdantSemantics VerdantRuntime VerdantCatalog Verdant; do
    ln -sfn "$root/Sources/$target" "$dir/Sources/$target"
  done
  ln -sfn "$source" "$dir/Sources/$executable"
  cat > "$dir/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "$executable",
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
    .target(name: "VerdantValues"),
    .target(name: "VerdantSyntax", dependencies: ["VerdantValues"]),
    .target(name: "VerdantSemantics", dependencies: ["VerdantSyntax", "VerdantValues"]),
    .target(name: "VerdantRuntime", dependencies: ["VerdantSemantics"]),
    .target(name: "VerdantCatalog", dependencies: ["VerdantValues", "VerdantSyntax", "CLibXML2"]),
    .target(name: "Verdant", dependencies: ["VerdantRuntime", "VerdantCatalog"]),
    .executableTarget(name: "$executable", dependencies: [${dependencies%, }]),
  ],
  swiftLanguageModes: [.v6]
)
SWIFT
  (cd "$dir" && swift build -c release --product "$executable" 2>&1 | tail -1)
}
