// Configuration comes from the environment, read once; a bad value is one line naming it.
import { describe, expect, it } from 'vitest';
import { ConfigError, embeddedMemoryDefaults, loadConfig } from '../../src/config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('configuration', () => {
  it('defaults to the embedded Neo4j and port 4000', () => {
    const c = loadConfig({});
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j.database).toBe('neo4j');
    expect(c.embedded.dataDir).toMatch(/\.data\/neo4j$/);
    expect(c.seedOnStart).toBe(true);
    expect(c.ingestToken).toBeUndefined();
  });

  it('takes an external Neo4j, including routing and Aura URIs', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      const c = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret' });
      expect(c.neo4j.uri).toBe(uri);
    }
  });

  it('names the variable and the problem in one line', () => {
    expect(fails({ PORT: 'abc' })).toBe('PORT must be a whole number from 0 to 65535 (got "abc")');
    expect(fails({ PORT: '70000' })).toMatch(/^PORT must be a whole number/);
    expect(fails({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' })).toMatch(
      /^NEO4J_URI must look like neo4j:\/\//,
    );
    expect(fails({ NEO4J_URI: 'bolt://db:7687' })).toBe('NEO4J_PASSWORD is required when NEO4J_URI is set');
    expect(fails({ SEED_ON_START: 'maybe' })).toBe('SEED_ON_START must be true or false (got "maybe")');
    expect(fails({ NEO4J_PASSWORD: 'short' })).toMatch(/^NEO4J_PASSWORD must have at least 8 characters/);
    expect(fails({ NEO4J_DATABASE: 'a b' })).toMatch(/^NEO4J_DATABASE must be a Neo4j database name/);
    expect(fails({ INGEST_TOKEN: 'abc' })).toMatch(/^INGEST_TOKEN must have at least 16 characters/);
    expect(fails({ NEO4J_EMBEDDED_HEAP: 'lots' })).toMatch(/^NEO4J_EMBEDDED_HEAP must be a JVM size/);
    for (const message of [fails({ PORT: 'abc' }), fails({ NEO4J_URI: 'bolt://db' })]) {
      expect(message).not.toContain('\n');
    }
  });

  it('sizes the embedded Neo4j from the machine: an eighth for the heap, a quarter for the page cache', () => {
    const GiB = 2 ** 30;
    expect(embeddedMemoryDefaults(24 * GiB)).toEqual({ heap: '3g', pageCache: '6g' });
    expect(embeddedMemoryDefaults(6 * GiB)).toEqual({ heap: '1g', pageCache: '1536m' });
    // Bounds: never less than a 1 GiB heap and 256 MiB of page cache, never more than 8 and 32 GiB.
    expect(embeddedMemoryDefaults(1 * GiB)).toEqual({ heap: '1g', pageCache: '256m' });
    expect(embeddedMemoryDefaults(512 * GiB)).toEqual({ heap: '8g', pageCache: '32g' });
    const c = loadConfig({});
    expect({ heap: c.embedded.heap, pageCache: c.embedded.pageCache }).toEqual(embeddedMemoryDefaults());
    const set = loadConfig({ NEO4J_EMBEDDED_HEAP: '2g', NEO4J_EMBEDDED_PAGECACHE: '512m' });
    expect({ heap: set.embedded.heap, pageCache: set.embedded.pageCache }).toEqual({
      heap: '2g',
      pageCache: '512m',
    });
    expect(fails({ NEO4J_EMBEDDED_PAGECACHE: 'half' })).toBe(
      'NEO4J_EMBEDDED_PAGECACHE must be a size of at least 8m, such as 512m or 2g (got "half")',
    );
    expect(fails({ NEO4J_EMBEDDED_PAGECACHE: '4m' })).toMatch(
      /^NEO4J_EMBEDDED_PAGECACHE must be a size of at least 8m/,
    );
  });
});
