#!/bin/sh
# Install what the browser tests need besides Python packages: axe-core, the accessibility
# checker, into tests/browser/node_modules (ignored by git). Run it once, before the tests,
# with network access to the npm registry; the tests themselves never touch the network.
# Chromium is Debian's (apt-get install -y chromium), never `playwright install`.
set -eu
AXE_VERSION="${AXE_VERSION:-4.14.1}"
cd "$(dirname "$0")"
npm install --prefix . --no-save --no-package-lock --no-audit --no-fund "axe-core@${AXE_VERSION}"
test -f node_modules/axe-core/axe.min.js
echo "axe-core ${AXE_VERSION}: $(pwd)/node_modules/axe-core/axe.min.js"
