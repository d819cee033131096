#!/usr/bin/env bash
# Scans a running instance of the portal with Debian's wapiti and sqlmap.
#
# Starts the app (Development, demo data, a fresh SQLite file in a temp dir, rate limiting off)
# on 127.0.0.1, runs
#   - wapiti (common modules, folder scope, bounded depth and time) from the home page,
#   - sqlmap against GET /Ecosystem/Lookup?email=  (signed in as the ecosystem manager),
#   - sqlmap against GET /CustomerDevelopment?q=   (signed in as Northwind sales),
#   - sqlmap against POST /Account/SignIn (Email, Password). Antiforgery is validated on every
#     POST, so sqlmap's variations of a captured token/cookie pair answer 400 before any SQL
#     runs: this run documents that the form is not injectable *through* the antiforgery filter.
# then stops the app. Outputs go to test-output/security-scan/ (summary.txt is the outcome).
#
# Usage: scripts/security-scan.sh [--quick]   (--quick: shorter wapiti time budget)
# Env:   SCAN_PORT (default: a free port), WAPITI_MAX_SCAN_TIME (seconds, default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

out="$root/test-output/security-scan"
rm -rf "$out"
mkdir -p "$out"

max_scan_time=${WAPITI_MAX_SCAN_TIME:-600}
if [[ ${1:-} == --quick ]]; then
  max_scan_time=180
fi

missing=()
command -v wapiti >/dev/null || missing+=(wapiti)
command -v sqlmap >/dev/null || missing+=(sqlmap)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} (Debian packages)..."
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

dll="$root/src/PartnerCenter.Web/bin/Debug/net10.0/PartnerCenter.Web.dll"
if [[ ! -f $dll ]]; then
  dotnet build "$root/src/PartnerCenter.Web" -v q
fi

port=${SCAN_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"
tmp=$(mktemp -d)
app_pid=

cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "Starting the app on $base (database $tmp/scan.db)..."
(
  cd "$(dirname "$dll")"
  ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__Sqlite="Data Source=$tmp/scan.db" \
  Database__SeedDemoData=true \
  RateLimiting__Enabled=false \
  Mail__Transport=Pickup \
  Mail__PickupDirectory="$tmp/mail" \
  Invitations__PublicBaseUrl="$base" \
  exec dotnet "$dll" --urls "$base" --contentRoot "$root/src/PartnerCenter.Web"
) >"$out/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "$base/health/ready"; then
    break
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "The app exited; see $out/app.log" >&2
    exit 1
  fi
  sleep 0.5
done
curl -fsS -o /dev/null "$base/health/ready" || { echo "The app did not become ready; see $out/app.log" >&2; exit 1; }

# sign_in EMAIL JAR: signs in with curl, leaves pc.auth (and pc.csrf) in JAR; prints the Cookie header.
sign_in() {
  local email=$1 jar=$2 token
  token=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/SignIn" |
    grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' |
    head -1 | sed 's/.*value="//; s/"$//')
  [[ -n $token ]] || { echo "No antiforgery token on /Account/SignIn" >&2; return 1; }
  curl -fsS -o /dev/null -c "$jar" -b "$jar" \
    --data-urlencode "Email=$email" --data-urlencode 'Password=Demo123!' \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/SignIn"
  grep -q 'pc.auth' "$jar" || { echo "Sign-in as $email failed" >&2; return 1; }
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
}

em_cookie=$(sign_in em@platform.example "$tmp/em.jar")
sales_cookie=$(sign_in sales@northwind.example "$tmp/sales.jar")

echo "wapiti (max ${max_scan_time}s)..."
wapiti -u "$base/" --flush-session -m common --scope folder -d 3 \
  --max-links-per-page 40 --max-scan-time "$max_scan_time" --max-attack-time 120 \
  -f txt -o "$out/wapiti.txt" >"$out/wapiti.log" 2>&1 || echo "wapiti exited with $?" >>"$out/wapiti.log"

# A second wapiti run signed in (Northwind sales), so the crawl reaches the portal's own pages;
# signing out is a POST with antiforgery, which the crawler does not submit.
echo "wapiti signed in (max ${max_scan_time}s)..."
wapiti -u "$base/" --flush-session -m common --scope folder -d 3 \
  --max-links-per-page 40 --max-scan-time "$max_scan_time" --max-attack-time 120 \
  -H "Cookie: $sales_cookie" \
  -f txt -o "$out/wapiti-signed-in.txt" >"$out/wapiti-signed-in.log" 2>&1 || echo "wapiti exited with $?" >>"$out/wapiti-signed-in.log"

sqlmap_common=(--batch --level 1 --risk 1 --flush-session --disable-coloring --output-dir "$out/sqlmap")

echo "sqlmap: /Ecosystem/Lookup?email= ..."
sqlmap -u "$base/Ecosystem/Lookup?email=x%40y.com" --cookie "$em_cookie" "${sqlmap_common[@]}" \
  >"$out/sqlmap-lookup.txt" 2>&1 || true

echo "sqlmap: /CustomerDevelopment?q= ..."
sqlmap -u "$base/CustomerDevelopment?q=anna" --cookie "$sales_cookie" "${sqlmap_common[@]}" \
  >"$out/sqlmap-customerdevelopment.txt" 2>&1 || true

echo "sqlmap: POST /Account/SignIn ..."
anon_token=$(curl -fsS -c "$tmp/anon.jar" -b "$tmp/anon.jar" "$base/Account/SignIn" |
  grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
anon_cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$tmp/anon.jar")
sqlmap -u "$base/Account/SignIn" --data "Email=x%40y.com&Password=x&__RequestVerificationToken=$anon_token" \
  --cookie "$anon_cookie" -p Email,Password "${sqlmap_common[@]}" \
  >"$out/sqlmap-signin.txt" 2>&1 || true

# A summary: what each tool reported.
{
  echo "Security scan of $base ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  echo "wapiti $(wapiti --version 2>/dev/null | grep -o 'Wapiti [0-9.]*' | head -1), sqlmap $(sqlmap --version 2>/dev/null | tail -1)"
  for report in wapiti wapiti-signed-in; do
    echo
    echo "== $report (anonymous = from the home page; signed-in = Northwind sales) =="
    if [[ -f $out/$report.txt ]]; then
      # wapiti's txt report lists every category with its findings; keep the summary table.
      sed -n '/^Summary of vulnerabilities/,/^\*\*\*\*\*/p; /^Summary of anomalies/,/^\*\*\*\*\*/p' "$out/$report.txt" | grep -v '^\*' | grep -E ':\s*[1-9]' || echo "no vulnerabilities or anomalies reported"
    else
      echo "no report (see $report.log)"
    fi
  done
  for run in lookup customerdevelopment signin; do
    echo
    echo "== sqlmap $run =="
    grep -E "is vulnerable|appears to be|might be injectable|might not be injectable|do not appear to be injectable|all tested parameters|not injectable|HTTP error codes|403|400 \(Bad Request\)|WAF/IPS" "$out/sqlmap-$run.txt" | sed 's/^\[[0-9:]*\] //' | sort -u || true
  done
} >"$out/summary.txt"

cat "$out/summary.txt"
echo
echo "Outputs: $out"
