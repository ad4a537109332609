#!/usr/bin/env bash
# Quick start, line one: generate the demo utility if missing, load it, seed the demo users, build and
# serve the dashboard. `npm ci` comes before it on the README line.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f data/demo/truth.json ]; then
  npm run --silent demo:data
fi
npm run --silent etl -- data/demo
npm run --silent user -- demo
npm run --silent build
echo
echo "Kaba is starting on http://localhost:${PORT:-3000}"
exec npm start
