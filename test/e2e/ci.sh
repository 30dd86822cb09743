#!/usr/bin/env bash
# CI's end-to-end stage, run after `npm test`: installs what a real VS Code
# needs (first run on a machine: a few minutes; later runs reuse the cache),
# packages the extension and runs test/e2e through the editor's UI.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)

bash test/e2e/setup.sh </dev/null
ready=$(date +%s)
npm run --silent test:e2e </dev/null

end=$(date +%s)
echo "ci: e2e stage took $(( end - start )) s (setup $(( ready - start )) s, package and suite $(( end - ready )) s)"
