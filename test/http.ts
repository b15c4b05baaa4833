// A real HTTP server in the test process, in front of a yoga server: what clients of `npm start`
// talk to (body caps, keep-alive, drains), without starting a whole service.
import { afterAll, beforeAll } from 'vitest';
import { type Listener, listen } from '../src/http/listener.js';
import { createYogaServer, type YogaOptions } from '../src/yoga.js';
import { INGEST_TOKEN, type TestGraph } from './helpers.js';

export interface TestHttp {
  url: string;
  listener: Listener;
}

/** Listens on a free port for the file's tests, with the given options (ingest token on). */
export function useHttp(graph: TestGraph, options: () => YogaOptions = () => ({})): TestHttp {
  const http = {} as TestHttp;
  beforeAll(async () => {
    const yoga = createYogaServer(graph.db, { ingestToken: INGEST_TOKEN, ...options() });
    http.listener = await listen((req, res) => yoga(req, res), '127.0.0.1', 0);
    http.url = `http://127.0.0.1:${http.listener.port}`;
  });
  afterAll(async () => {
    await http.listener?.drain(1_000);
  });
  return http;
}

/** Text that must never reach a client: stacks, file paths, driver and Cypher words. */
export const LEAKS =
  /\n\s+at |node_modules|\/work\/|\/src\/|\.ts:\d|originalError|stack|Neo4jError|neo4j:|Cypher|MATCH \(|TypeError|SyntaxError|RangeError/;
