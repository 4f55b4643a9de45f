# syntax=docker/dockerfile:1
# The image of every Node app of the monorepo. APP is the app's folder under apps/ (its package is @food/$APP);
# the target is `service` for the tRPC services and the gateway (`node dist/main.js`, and `node dist/migrate.js`
# for the migration jobs) and `web` for the Next.js app (`server.mjs`, i.e. `next start`). From the repository root:
#   docker build -f infra/docker/node-app.Dockerfile --build-arg APP=order --target service -t food-ordering/order .

ARG NODE_IMAGE=node:20-bookworm-slim

# npm as package.json's packageManager pins it: its `allowScripts` is what denies the install scripts of prisma,
# @prisma/engines and esbuild (the engines' postinstall would download binaries), as on a developer machine.
FROM ${NODE_IMAGE} AS npm
ENV NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    TURBO_TELEMETRY_DISABLED=1 \
    TURBO_NO_UPDATE_NOTIFIER=1 \
    NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1
WORKDIR /repo
COPY package.json ./
RUN npm install --global "$(node -p 'require("./package.json").packageManager')" && rm package.json

# The app and the workspaces it depends on, split into manifests (json/) and sources (full/) so that the
# dependency install below is cached until a manifest or the lockfile changes.
FROM npm AS pruner
ARG APP
COPY . .
RUN test -n "${APP}" || { echo 'build with --build-arg APP=<folder under apps/>' >&2; exit 1; } \
 && npx --yes "turbo@$(node -p 'require("./package-lock.json").packages["node_modules/turbo"].version')" \
      prune "@food/${APP}" --docker

FROM npm AS builder
ARG APP
COPY --from=pruner /repo/out/json/ ./
COPY --from=pruner /repo/out/package-lock.json ./package-lock.json
RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci
COPY --from=pruner /repo/out/full/ ./
# `prisma generate` needs no engine (the client runs on @prisma/adapter-pg), but the CLI checks that this file exists.
COPY --chmod=0755 scripts/no-schema-engine.sh scripts/no-schema-engine.sh
ENV PRISMA_SCHEMA_ENGINE_BINARY=/repo/scripts/no-schema-engine.sh
RUN npx turbo run build --filter="@food/${APP}..." --output-logs=errors-only
COPY infra/docker/collect-runtime-files.sh /usr/local/bin/collect-runtime-files.sh
RUN sh /usr/local/bin/collect-runtime-files.sh /repo /runtime

# Production dependencies only, from the same pruned manifests and lockfile. A service installs its own workspace's
# dependencies without optional ones: the Prisma CLI (about 100 MB with its dev server and studio) arrives as an
# optional peer of @prisma/client, not as a dev dependency. The web app keeps optional dependencies (its platform's
# SWC binary, which `next start` uses to load next.config.ts, and sharp's).
FROM npm AS production-dependencies
ARG APP
COPY --from=pruner /repo/out/json/ ./
COPY --from=pruner /repo/out/package-lock.json ./package-lock.json
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    if [ "${APP}" = web ]; then npm ci --omit=dev; \
    else npm ci --omit=dev --omit=optional --workspace "@food/${APP}"; fi

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1
# Nothing installs at run time: without npm and corepack the image is smaller and has less to patch.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
WORKDIR /app
# Owned by root and read-only to the app's user.
COPY --from=production-dependencies /repo/ ./
COPY --from=builder /runtime/ ./

FROM runtime AS service
ARG APP
WORKDIR /app/apps/${APP}
USER node
CMD ["node", "dist/main.js"]

FROM runtime AS web
WORKDIR /app/apps/web
# next start writes its cache (image optimisation, fetch cache) under .next/cache.
RUN mkdir -p .next/cache && chown node:node .next .next/cache
USER node
EXPOSE 3000
# server.mjs is `next start` that sets X-Forwarded-For from the socket (or a WEB_TRUSTED_PROXIES proxy), whatever the
# client sent; it loads @food/service-kit's dist (the platform's logger), collected with every workspace's.
CMD ["node", "server.mjs", "--hostname", "0.0.0.0"]
