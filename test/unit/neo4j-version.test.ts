// The service refuses, at connection, a Neo4j older than its statements need, saying which
// version it found and which it needs; a newer one, or one whose version it cannot read, is used.
import { describe, expect, it } from 'vitest';
import { tooOld } from '../../src/db/driver.js';

const URI = 'bolt://db.example:7687';

describe('the Neo4j version check', () => {
  it.each(['Neo4j/5.26.0', 'Neo4j/5.26.31', 'Neo4j/5.27-aura', 'Neo4j/2025.01.0', 'Neo4j/6.0.0'])(
    'accepts %s',
    (agent) => {
      expect(tooOld(agent, URI)).toBeUndefined();
    },
  );

  it.each([
    ['Neo4j/5.25.1', '5.25'],
    ['Neo4j/5.13.0', '5.13'],
    ['Neo4j/4.4.30', '4.4'],
  ])('refuses %s, naming the version found and the one needed', (agent, found) => {
    const problem = tooOld(agent, URI);
    expect(problem).toContain(`Neo4j at ${URI} is version ${found} (${agent})`);
    expect(problem).toContain('needs 5.26 or newer');
  });

  it('leaves a server that names no version to its statements', () => {
    expect(tooOld(undefined, URI)).toBeUndefined();
    expect(tooOld('Memgraph/2.10', URI)).toBeUndefined();
  });
});
