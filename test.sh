#!/usr/bin/env bash
# Runs every test of IntervisieBot. Installs what the tests need first, from the committed npm lock file: Azurite
# (the Azure Storage emulator) and @microsoft/app-manifest (validates the Teams manifest offline); and Debian's
# Chromium, which the playground's browser tests drive through Playwright (Playwright never downloads a browser here).
# Extra arguments go to `dotnet test` (e.g. --filter Storage).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is needed: https://dot.net" >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "Node.js and npm are needed for Azurite and the Teams manifest validator (tools the tests use)." >&2
    exit 1
  fi
fi
# CHROMIUM_PATH may point at another Chromium; the browser tests read it too.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the playground's browser tests (apt-get install chromium)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the playground's browser tests: install Debian's package ('sudo apt-get install chromium')," >&2
    echo "or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
    exit 1
  fi
fi
# npm ci leaves node_modules/.package-lock.json behind; a newer lock file means the tools changed.
if [ ! -d node_modules/azurite ] || [ ! -d node_modules/@microsoft/app-manifest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing test tools from package-lock.json (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

rm -rf TestResults
dotnet test IntervisieBot.sln --configuration Release --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory TestResults "$@"
