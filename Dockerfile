# syntax=docker/dockerfile:1
# Multi-stage: dependencies, build, and a small non-root runtime with the standalone server.
# The API key is never a build argument: pass it at run time (-e OPENAI_API_KEY=… or an env file).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
RUN groupadd --system --gid 1001 benchtop \
 && useradd --system --uid 1001 --gid benchtop --home-dir /app --shell /usr/sbin/nologin benchtop \
 && mkdir -p /data && chown benchtop:benchtop /data && chmod 700 /data
# The standalone output is self-contained (server, console.mjs, the packages they load): nothing else
# from the build is needed. It stays root's: the server writes only to /data, so it cannot change its
# own code (`npm run test:standalone` fails if the server or console writes in the app directory).
COPY --from=build /app/.next/standalone ./
USER benchtop
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Ops CLI inside the container: docker exec -it benchtop node console.mjs user:add --email …
# Exec form, no shell: node is PID 1 and receives `docker stop`'s SIGTERM itself. It installs its own
# handler (PID 1 gets no default signal actions): it stops accepting connections, lets calls in flight
# finish for up to SHUTDOWN_GRACE_MS (30 s), writes the ledger and exits 0. Docker kills after 10 s
# unless told otherwise: run with --stop-timeout 40 (compose: stop_grace_period: 40s).
STOPSIGNAL SIGTERM
CMD ["node", "benchtop-server.cjs"]
