#!/usr/bin/env bash
# Quick start, line two: every test. Installs Debian's Chromium for the browser tests when it is missing
# (Playwright cannot download its own browser here).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "installing Chromium for the browser tests (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

npx tsc --noEmit
npx biome lint
npx vitest run
npx remix build
npx playwright test
