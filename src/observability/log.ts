// The service's log: one JSON object per line on standard output (pino), or the same records as
// readable text lines with LOG_FORMAT=text. Every request is one line (see request-log.ts);
// start-up, Neo4j and Redis changes of state are lines of their own.
import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger };

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Renders pino's JSON records as `time level message key=value…`, for people reading a terminal. */
function textStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        try {
          const { time, level, msg, pid: _pid, hostname: _host, ...rest } = JSON.parse(line);
          const extras = Object.entries(rest)
            .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' ');
          const when = new Date(time).toISOString().slice(11, 23);
          out.write(`${when} ${LEVEL_NAMES[level] ?? level} ${msg ?? ''}${extras ? ` ${extras}` : ''}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

export function createLogger(
  options: { level: LogLevel; format: 'json' | 'text' },
  out: NodeJS.WritableStream = process.stdout,
): Logger {
  const destination = options.format === 'text' ? textStream(out) : out;
  return pino(
    {
      level: options.level,
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything: for tests and commands that do not serve. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
