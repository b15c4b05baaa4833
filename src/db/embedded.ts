// Starts the project's own Neo4j (neo4j-launcher/, Neo4j Community from Maven Central) as a child
// JVM. The launcher exits when its standard input closes, so it never outlives this process,
// however this process ends.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../config.js';

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

export interface EmbeddedOptions {
  dataDir: string;
  boltPort: number;
  password: string;
  startTimeoutMs: number;
  heap: string;
  /** Neo4j's page cache (off the heap), e.g. "2g"; the launcher's default when absent. */
  pageCache?: string;
  /** Where the launcher's own log goes; defaults to <dataDir>/launcher.log. */
  logFile?: string;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Settles when the process ends, however it ends (a supervisor watches this). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-launcher');
const CLASSES = path.join(LAUNCHER_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const MAIN_CLASS = 'newsgraph.launcher.EmbeddedNeo4j';

const MESSAGES: Record<string, (detail: string, o: EmbeddedOptions) => string> = {
  PORT_IN_USE: (_d, o) =>
    `port ${o.boltPort} is already in use, so the embedded Neo4j cannot listen for Bolt there; ` +
    'stop whatever uses it, set NEO4J_EMBEDDED_BOLT_PORT to a free port, or set NEO4J_URI to use that server',
  STORE_LOCKED: (_d, o) =>
    `the data folder ${o.dataDir} is in use by another Neo4j process (is the service already running?); ` +
    'stop it, or set NEO4J_DATA_DIR to another folder',
  BAD_ARGS: (d) => `the launcher rejected its arguments: ${d}`,
  STARTUP_FAILED: (d, o) => `Neo4j failed to start: ${d} (details in ${o.logFile})`,
};

/** Compiles the launcher and resolves Neo4j's jars through Maven, once per checkout. */
export function ensureLauncherBuilt(log: (line: string) => void = console.error): void {
  if (existsSync(CLASSPATH_FILE) && existsSync(CLASSES)) return;
  log(
    'Building the embedded Neo4j launcher with Maven (first run only; downloads Neo4j from Maven Central)...',
  );
  const result = spawnSync('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error && 'code' in result.error && result.error.code === 'ENOENT') {
    throw new EmbeddedNeo4jError(
      'Maven (mvn) is not installed; it is needed once to fetch the embedded Neo4j. ' +
        'Install Maven, or set NEO4J_URI to use an existing Neo4j',
    );
  }
  if (result.status !== 0 || !existsSync(CLASSPATH_FILE)) {
    throw new EmbeddedNeo4jError(
      `building the embedded Neo4j launcher failed (mvn exited with ${result.status}); see the Maven output above`,
    );
  }
}

function javaMajorVersion(): number | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const o = { ...options, logFile: options.logFile ?? path.join(options.dataDir, 'launcher.log') };
  const java = javaMajorVersion();
  if (java === undefined) {
    throw new EmbeddedNeo4jError(
      'Java is not installed (no `java` on PATH); the embedded Neo4j needs Java 17 or newer. ' +
        'Install it, or set NEO4J_URI to use an existing Neo4j',
    );
  }
  if (java !== 0 && java < 17) {
    throw new EmbeddedNeo4jError(`the embedded Neo4j needs Java 17 or newer; \`java\` is version ${java}`);
  }
  ensureLauncherBuilt();
  mkdirSync(o.dataDir, { recursive: true });
  const classpath = `${CLASSES}${path.delimiter}${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const child = spawn(
    'java',
    [
      '-Xms256m',
      `-Xmx${o.heap}`,
      // Serial GC: the smallest footprint, and start-up as fast as any (neo4j-launcher/README.md).
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      // The same openings Neo4j's own start script grants, so native I/O works without warnings.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      MAIN_CLASS,
      '--data-dir',
      o.dataDir,
      '--bolt-address',
      '127.0.0.1',
      '--bolt-port',
      String(o.boltPort),
      '--password',
      o.password,
      ...(o.pageCache ? ['--page-cache', o.pageCache] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const logStream = createWriteStream(o.logFile, { flags: 'a' });
  child.stderr?.pipe(logStream);
  // A JVM error before the launcher prints anything is only on stderr; keep its tail for messages.
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-2000);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EmbeddedNeo4jError(
          `the embedded Neo4j did not become ready within ${o.startTimeoutMs / 1000} s ` +
            `(NEO4J_START_TIMEOUT_MS); see ${o.logFile}`,
        ),
      );
    }, o.startTimeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const ready = /^NEO4J_READY (\S+)/.exec(line);
      const error = /^NEO4J_ERROR (\S+) ?(.*)$/.exec(line);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      } else if (error) {
        clearTimeout(timer);
        const code = error[1] ?? 'STARTUP_FAILED';
        const message = (MESSAGES[code] ?? MESSAGES.STARTUP_FAILED)?.(error[2] ?? '', o) ?? line;
        reject(new EmbeddedNeo4jError(message));
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`could not start java: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const tail = stderrTail.trim().split('\n').slice(-3).join(' | ');
      reject(
        new EmbeddedNeo4jError(
          `the embedded Neo4j exited before it was ready (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ''}`,
        ),
      );
    });
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { uri, pid: child.pid ?? -1, exited, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}
