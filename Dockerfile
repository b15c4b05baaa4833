# The service image. It talks to the Neo4j named by NEO4J_URI (see docker-compose.yml), so it
# needs neither Java nor the embedded launcher.
# The explorer page is bundled in a build stage (esbuild and the drawing library are dev
# dependencies) and only its output is copied into the image.
FROM node:20-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build:explorer

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY seed ./seed
COPY --from=explorer /app/dist/explorer ./dist/explorer
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:4000/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts", "serve"]
