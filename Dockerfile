# The service image. It talks to the Neo4j named by NEO4J_URI (see docker-compose.yml), so it
# needs neither Java nor the embedded launcher. The build stage compiles TypeScript to dist/ and
# bundles the explorer page (esbuild and the drawing library are dev dependencies); the image
# runs the compiled JavaScript with production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seed ./seed
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:4000/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/main.js", "serve"]
