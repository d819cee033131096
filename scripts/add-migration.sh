#!/usr/bin/env bash
# Adds a migration with the same name to every provider's project (SQLite, SQL Server, PostgreSQL).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "src/PartnerCenter.Migrations.$provider" \
    --startup-project "src/PartnerCenter.Migrations.$provider" \
    --output-dir Migrations
done
