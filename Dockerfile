# Reclaim in a container: Node 22 LTS on Debian, run as the unprivileged `node` user.
# SQLite in /data by default; PostgreSQL (and several instances) with DATABASE_URL. See README "Deploying several instances".
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The browser pages are built here (Vite is a dev dependency), then dev dependencies are dropped.
RUN npm run build:web \
 && npm prune --omit=dev \
 && npm cache clean --force

FROM ${NODE_IMAGE}
WORKDIR /app
# ffmpeg lets `reclaim hash` fingerprint video frames (vPDQ); the service itself never receives media.
# tini runs as PID 1: it passes SIGTERM on for a graceful stop and reaps ffmpeg children.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg tini \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
VOLUME /data
EXPOSE 3000
USER node
# /healthz: the process is up. Balancers should route on /readyz (the store is reachable) instead.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/reclaim.js", "serve"]
