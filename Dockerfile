# The Kring companion in a container: the signaling server (one bundled file) and the web panel.
# Build:  docker build -t kring-companion .
# Run:    docker run -d --name kring --restart on-failure --read-only --cap-drop ALL \
#           --security-opt no-new-privileges --memory 1g -p 127.0.0.1:4444:4444 \
#           -e KRING_TRUST_PROXY=1 kring-companion
# and put nginx or Caddy in front for TLS (docs/deploy.md). Settings are KRING_* variables
# (`--env-file kring.env`, see docs/deploy/kring.env; keep KRING_HOST=0.0.0.0 inside the
# container).

# Stage 1: build the extension's web panel and bundle the server, exactly as `npm run build`.
FROM node:20-bookworm AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# Stage 2: Node and the two build outputs only; no npm packages, no sources, no compiler.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    KRING_HOST=0.0.0.0 \
    KRING_PORT=4444 \
    KRING_STATIC_DIR=/app/web
WORKDIR /app
COPY --from=build /src/.output/server/kring-server.mjs /app/kring-server.mjs
COPY --from=build /src/.output/chrome-mv3 /app/web
# The image's unprivileged user; the files stay root's, so the server cannot change them.
USER node
EXPOSE 4444
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.KRING_PORT || 4444) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "/app/kring-server.mjs"]
