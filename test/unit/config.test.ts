// Configuration comes from the environment, read once; a bad value is one line naming it.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

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
});
