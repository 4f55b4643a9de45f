#!/bin/sh
# Copies what the apps need at run time out of a built, pruned monorepo: each workspace's package.json and dist/,
# the services' SQL migrations, and the web app's built .next (without its build cache), next.config (and the app
# modules it imports) and server.mjs.
# Sources, tests and TypeScript settings stay behind. Usage: collect-runtime-files.sh <built repo> <destination>
set -eu
from=$1
to=$2
cd "$from"
mkdir -p "$to"
cp package.json package-lock.json "$to/"
for workspace in apps/* packages/*; do
  [ -f "$workspace/package.json" ] || continue
  mkdir -p "$to/$workspace"
  cp "$workspace/package.json" "$to/$workspace/"
  if [ -d "$workspace/dist" ]; then
    cp -R "$workspace/dist" "$to/$workspace/"
  fi
  if [ -d "$workspace/prisma/migrations" ]; then
    mkdir -p "$to/$workspace/prisma"
    cp -R "$workspace/prisma/migrations" "$to/$workspace/prisma/"
  fi
  if [ -f "$workspace/.next/BUILD_ID" ]; then
    mkdir -p "$to/$workspace/.next"
    (cd "$workspace/.next" && tar -cf - --exclude=./cache .) | (cd "$to/$workspace/.next" && tar -xf -)
    for file in "$workspace"/next.config.* "$workspace/server.mjs" "$workspace/public"; do
      if [ -e "$file" ]; then cp -R "$file" "$to/$workspace/"; fi
    done
    # `next start` compiles next.config.ts when it starts, with the app's modules it imports (`from './src/…'`).
    for module in $(sed -n "s|^import .* from '\./\(src/[^']*\)';\$|\1|p" "$workspace"/next.config.*); do
      mkdir -p "$to/$workspace/$(dirname "$module")"
      for source in "$workspace/$module.ts" "$workspace/$module.mjs" "$workspace/$module.js"; do
        if [ -f "$source" ]; then cp "$source" "$to/$workspace/$(dirname "$module")/"; fi
      done
    done
  fi
done
