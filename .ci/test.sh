#!/usr/bin/env bash
# Quick start, line two: every test. Installs what the browser tests need from Debian when it is
# missing: Chromium (Playwright cannot download its own browser here) and poppler-utils (pdfinfo,
# pdftotext, pdftoppm read the print views' PDFs page by page).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} for the browser tests (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npx tsc --noEmit
npx biome lint
npx vitest run
npx remix build
npx playwright test
