#!/usr/bin/env bash
# Serve Monaco from our own origin: copy its AMD build into public/monaco (the editor must
# work with no internet, so no CDN). Re-copies when the installed version changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/node_modules/monaco-editor/min/vs"
dst="$root/public/monaco"
version=$(node -p "require('$root/node_modules/monaco-editor/package.json').version")
if [ -f "$dst/VERSION" ] && [ "$(cat "$dst/VERSION")" = "$version" ]; then exit 0; fi
[ -d "$src" ] || { echo "[runbox] monaco-editor is not installed (run npm ci)" >&2; exit 1; }
rm -rf "$dst"
mkdir -p "$dst"
cp -r "$src" "$dst/vs"
echo "$version" >"$dst/VERSION"
echo "[runbox] copied Monaco $version to public/monaco"
