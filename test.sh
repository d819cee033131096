#!/usr/bin/env bash
# Runs every check and every test; the README's test command and what CI runs (.ci/run).
# On a fresh Debian 12 machine with the .NET SDK it first installs the Debian packages the
# tests use when they are missing: chromium (and fonts-wqy-microhei for Chinese glyphs), python3-aiosmtpd, zbar-tools, docker-compose, sqlite3,
# postgresql, default-jre-headless (the Nu HTML checker), npm; then the page checkers of tests/tools
# (axe-core, vnu-jar) with `npm ci` when their node_modules is missing. Starts a throwaway PostgreSQL cluster (scripts/postgres.sh) for the suites that run on
# both engines, exports PC_TEST_POSTGRES, and stops the cluster on exit, also when tests fail.
# Keeps going past failures to count them; the last line is "N passed, N failed" (tests across
# all projects), and the exit status is non-zero if any test or step failed.
# Output: test-output/ (screenshots/, trx/, sqlserver-migrations.sql, postgresql-migrations.sql).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Apps started by the tests watch files by polling: dozens of hosts at once would exhaust the per-user inotify instances.
export DOTNET_USE_POLLING_FILE_WATCHER=true
export TEST_OUTPUT_DIR="$PWD/test-output"

passed=0
failed=0
failed_steps=()

step() { printf '\n==> %s\n' "$*"; }

# check NAME COMMAND...: runs one step and remembers it when it fails.
check() {
  local name=$1
  shift
  step "$name"
  if ! "$@"; then
    echo "FAILED: $name" >&2
    failed_steps+=("$name")
    return 1
  fi
}

finish() {
  echo
  if ((${#failed_steps[@]})); then
    printf 'Failed step: %s\n' "${failed_steps[@]}"
  fi
  echo "$passed passed, $failed failed"
  if ((failed > 0 || ${#failed_steps[@]} > 0)); then exit 1; fi
  exit 0
}

missing_packages() {
  [ -x /usr/bin/chromium ] || echo chromium fonts-dejavu-core
  # Chinese glyphs for the zh-CN pages' screenshots (without a CJK font Chromium draws boxes).
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || echo fonts-wqy-microhei
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || echo python3-aiosmtpd
  command -v zbarimg >/dev/null || echo zbar-tools
  command -v docker-compose >/dev/null || echo docker-compose
  command -v sqlite3 >/dev/null || echo sqlite3
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || echo postgresql
  command -v java >/dev/null || echo default-jre-headless
  command -v npm >/dev/null || echo npm
}

install_packages() {
  local packages
  packages=$(missing_packages | xargs)
  if [ -z "$packages" ]; then
    echo "all present"
    return 0
  fi
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing: $packages"
  # No recommends: docker-compose would otherwise pull in the whole Docker engine.
  # shellcheck disable=SC2086 # one word per package
  "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages
}

# The browser tests' page checkers (axe-core, vnu-jar) from the lock file. No install scripts:
# vnu-jar's would download a Java runtime; Debian's default-jre-headless runs vnu.jar.
install_page_checkers() {
  if [ -f tests/tools/node_modules/axe-core/axe.min.js ] && [ -f tests/tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "all present"
    return 0
  fi
  npm ci --prefix tests/tools --ignore-scripts --no-audit --no-fund
}

# counter NAME TRX: one attribute of the TRX file's <Counters> element (0 when absent).
counter() {
  local value
  value=$(grep -o '<Counters [^>]*>' "$2" | head -n 1 | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")
  echo "${value:-0}"
}

run_tests() {
  local project=$1 name status trx p f
  name=$(basename "$project" .csproj)
  trx="$TEST_OUTPUT_DIR/trx/$name.trx"
  step "Tests: $name"
  dotnet test "$project" --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$TEST_OUTPUT_DIR/trx" \
    --blame-hang-timeout 15m --blame-hang-dump-type none
  status=$?
  if [ ! -f "$trx" ]; then
    echo "FAILED: $name wrote no results (exit status $status)" >&2
    failed_steps+=("tests: $name")
    return
  fi
  p=$(counter passed "$trx")
  f=$(($(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    failed_steps+=("tests: $name (exit status $status)")
  fi
}

rm -rf "$TEST_OUTPUT_DIR/trx" "$TEST_OUTPUT_DIR/screenshots"
mkdir -p "$TEST_OUTPUT_DIR"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is missing; install it from https://dot.net (version in global.json)." >&2
  failed_steps+=("dotnet SDK")
  finish
fi

check "Debian packages" install_packages
check "Page checkers (tests/tools: axe-core, vnu-jar)" install_page_checkers
check "Local tools (dotnet-ef)" dotnet tool restore
check "Build" dotnet build PartnerCenter.sln || finish
check "SQL Server migrations script" dotnet ef migrations script --idempotent --no-build \
  --project src/PartnerCenter.Migrations.SqlServer --startup-project src/PartnerCenter.Migrations.SqlServer \
  -o "$TEST_OUTPUT_DIR/sqlserver-migrations.sql"
check "PostgreSQL migrations script" dotnet ef migrations script --idempotent --no-build \
  --project src/PartnerCenter.Migrations.PostgreSql --startup-project src/PartnerCenter.Migrations.PostgreSql \
  -o "$TEST_OUTPUT_DIR/postgresql-migrations.sql"
check "docker-compose.yml" docker-compose config -q
check "docker-compose.postgres.yml" docker-compose -f docker-compose.postgres.yml config -q

# A throwaway PostgreSQL cluster of this run only; the trap stops it whatever happens next.
export PC_POSTGRES_DIR
PC_POSTGRES_DIR=$(mktemp -d /tmp/partnercenter-postgres-XXXXXX)
trap 'scripts/postgres.sh stop' EXIT
if PC_TEST_POSTGRES=$(scripts/postgres.sh start); then
  export PC_TEST_POSTGRES
  echo "PostgreSQL: $PC_TEST_POSTGRES"
else
  failed_steps+=("PostgreSQL cluster")
fi

for project in tests/*.Tests/*.Tests.csproj; do
  run_tests "$project"
done

finish
