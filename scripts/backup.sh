#!/usr/bin/env bash
# Online backup of the embedded SQLite database, safe while the portal runs:
#   scripts/backup.sh [backup-file]          (default: backups/partnercenter-<UTC time>.db)
#   scripts/backup.sh --restore backup-file  (copies the backup back into the live database)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--restore" ]; then
  file=$(realpath "${2:?usage: scripts/backup.sh --restore backup-file}")
  exec dotnet run --project src/PartnerCenter.Web --no-launch-profile -- --restore "$file"
fi
file=${1:-backups/partnercenter-$(date -u +%Y%m%dT%H%M%SZ).db}
mkdir -p "$(dirname "$file")"
exec dotnet run --project src/PartnerCenter.Web --no-launch-profile -- --backup "$(realpath "$file")"
