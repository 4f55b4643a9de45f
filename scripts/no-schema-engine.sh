#!/bin/sh
# Stands in for Prisma's schema-engine binary, which cannot be downloaded on every machine.
# `prisma generate` needs no engine (the client runs on @prisma/adapter-pg) but the CLI checks that
# the file PRISMA_SCHEMA_ENGINE_BINARY names exists. Migrations are applied by `npm run migrate`.
echo "Prisma's schema engine is not installed here; apply migrations with 'npm run migrate'." >&2
exit 1
