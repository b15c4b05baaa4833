// Keeps the embedded Neo4j running: when its process dies, it is started again on the same data
// folder and the same Bolt port (so the driver reconnects to the same URI), after a delay that
// doubles while restarts keep failing or crashing soon after, and resets once it has stayed up.
import { type EmbeddedNeo4j, type EmbeddedOptions, startEmbeddedNeo4j } from './embedded.js';

export interface SupervisorHooks {
  log: (line: string, level?: 'info' | 'warn' | 'error') => void;
  /** Called each time a new process is up after a crash. */
  onRestart?: (count: number) => void;
}

export interface SupervisedNeo4j {
  uri: string;
  /** The current process id (changes with each restart). */
  readonly pid: number;
  readonly restarts: number;
  stop(): Promise<void>;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;
/** A process that lived this long counts as healthy: the next crash restarts it at once. */
const STABLE_MS = 60_000;

export async function superviseEmbeddedNeo4j(
  options: EmbeddedOptions,
  hooks: SupervisorHooks,
  start: (o: EmbeddedOptions) => Promise<EmbeddedNeo4j> = startEmbeddedNeo4j,
): Promise<SupervisedNeo4j> {
  let current = await start(options);
  const uri = current.uri;
  // Later starts reuse the port the first one got (it may have been 0, "any free port").
  const port = Number(new URL(uri).port);
  const again: EmbeddedOptions = { ...options, boltPort: port };
  let stopping = false;
  let restarts = 0;
  let delay = FIRST_DELAY_MS;
  let wake: (() => void) | undefined;
  let starting: Promise<unknown> | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = async (process: EmbeddedNeo4j) => {
    const startedAt = Date.now();
    const { code, signal } = await process.exited;
    if (stopping) return;
    if (Date.now() - startedAt > STABLE_MS) delay = FIRST_DELAY_MS;
    hooks.log(
      `embedded Neo4j (pid ${process.pid}) died (${signal ?? `exit code ${code}`}); starting it again on ${uri}`,
      'error',
    );
    while (!stopping) {
      await sleep(delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
      if (stopping) return;
      const began = Date.now();
      try {
        const next = start(again);
        starting = next;
        current = await next;
      } catch (error) {
        hooks.log(
          `embedded Neo4j did not start again: ${error instanceof Error ? error.message : String(error)}; next try in ${delay / 1000} s`,
          'error',
        );
        continue;
      }
      if (stopping) return;
      restarts += 1;
      hooks.log(`embedded Neo4j started again (pid ${current.pid}) in ${Date.now() - began} ms`, 'warn');
      hooks.onRestart?.(restarts);
      void watch(current);
      return;
    }
  };
  void watch(current);

  return {
    uri,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      wake?.();
      // A start under way finishes first, so the process it brings up is the one stopped.
      await starting?.catch(() => undefined);
      await current.stop();
    },
  };
}
