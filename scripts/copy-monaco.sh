#!/usr/bin/env bash
# Serve Monaco from our own origin: copy its AMD build into public/monaco (the editor must
# work with no internet, so no CDN). Re-copies when the installed version changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/node_modules/monaco-editor/min/vs"
dst="$root/public/monaco"
version=$(node -p "require('$root/node_modules/monaco-editor/package.json').version")
if ! [ -f "$dst/VERSION" ] || [ "$(cat "$dst/VERSION")" != "$version" ]; then
  [ -d "$src" ] || { echo "[runbox] monaco-editor is not installed (run npm ci)" >&2; exit 1; }
  rm -rf "$dst"
  mkdir -p "$dst"
  cp -r "$src" "$dst/vs"
  echo "$version" >"$dst/VERSION"
  echo "[runbox] copied Monaco $version to public/monaco"
fi
# The worker bootstrap (MonacoEnvironment.getWorkerUrl in components/ui/code-editor.tsx points
# here). Without it Monaco starts its workers from blob: URLs whose relative importScripts fail,
# and the JavaScript/TypeScript services never load. A same-origin file keeps the CSP's
# worker-src 'self' enough; absolute URLs because a worker resolves relative ones against itself.
cat >"$dst/worker.js" <<'JS'
/* Runbox: start a Monaco web worker from our own origin (written by scripts/copy-monaco.sh). */
self.MonacoEnvironment = { baseUrl: new URL("./", self.location.href).href };
importScripts(new URL("vs/base/worker/workerMain.js", self.location.href).href);
JS
