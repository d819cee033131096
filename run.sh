#!/usr/bin/env bash
# Runs Partner Center on the embedded default: a SQLite file in src/PartnerCenter.Web/data/,
# migrated at start and seeded with the demo data, Development environment, on
# http://127.0.0.1:5080 (override with PORT=8081 or URLS=http://0.0.0.0:8080).
# Restores and builds as needed; needs only the .NET SDK (see global.json).
#   ./run.sh            start the portal
#   ./run.sh --reseed   drop the database, migrate, seed the demo data, and exit
#   ./run.sh --migrate  apply migrations and exit
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: the .NET SDK is missing; install it from https://dot.net (version in global.json)." >&2
  exit 1
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${URLS:-${ASPNETCORE_URLS:-http://127.0.0.1:${PORT:-5080}}}"
export Database__SeedDemoData="${Database__SeedDemoData:-true}"
# Invitation links point at the first URL (a wildcard host becomes localhost).
first_url=$(sed -E 's#//(0\.0\.0\.0|\+|\*|\[::\])#//localhost#' <<<"${ASPNETCORE_URLS%%;*}")
export Invitations__PublicBaseUrl="${Invitations__PublicBaseUrl:-$first_url}"

if [ $# -eq 0 ]; then
  echo "Partner Center on $first_url (sign in as sales@northwind.example / Demo123!; Ctrl+C stops)"
fi
# The launch profile would override the URL and environment chosen above.
exec dotnet run --no-launch-profile --project src/PartnerCenter.Web -- "$@"
