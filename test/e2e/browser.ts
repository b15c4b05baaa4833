// Browser-test plumbing: the service in-process on a free port (yoga on node:http over the test
// Neo4j), and Debian's Chromium driven by playwright-core with a fresh profile and no network
// chatter. Where Chromium is missing, the tests are skipped with a message saying how to get it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config.js';
import type { YogaServer } from '../../src/yoga.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `Chromium is not installed at ${CHROMIUM}: install it with "apt-get install -y chromium" (Debian; .ci/run does) or set CHROMIUM_PATH`;

if (chromiumMissing) console.warn(`browser tests skipped: ${chromiumMissing}`);

export const ARTIFACTS = path.join(PROJECT_ROOT, 'test', 'artifacts');

export async function listen(yoga: YogaServer): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  await mkdir(ARTIFACTS, { recursive: true });
  const profile = await mkdtemp(path.join(tmpdir(), 'news-graph-chromium-'));
  // A persistent context is how playwright takes a user-data-dir: a fresh one for every run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 120_000,
  });
  context.setDefaultTimeout(60_000);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
