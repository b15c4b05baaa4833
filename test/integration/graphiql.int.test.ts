// GraphiQL works without the internet: the page loads its scripts and styles from this server.
import { describe, expect, it } from 'vitest';
import { useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

describe('GraphiQL', () => {
  it('opens with the example queries and loads every asset from this server, none from a CDN', async () => {
    const page = await graph.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    // The first tab shows the page's `query` option (`defaultQuery` only fills new tabs).
    const options = JSON.parse(/renderYogaGraphiQL\(root,(\{.*\})\)\}\)<\/script>/.exec(html)?.[1] ?? '{}');
    expect(options.query).toMatch(/^# Questions the graph of the source article answers/);
    expect(options.query).toContain('query FarewellCeremony');
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(\/graphiql\/assets\/[^"' >)]+)/g)].map((m) => m[1] as string);
    expect(assets).toEqual(
      expect.arrayContaining(['/graphiql/assets/yoga-graphiql.umd.js', '/graphiql/assets/graphiql.css']),
    );
    for (const asset of assets) {
      const res = await graph.yoga.fetch(`http://localhost${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('content-type'), asset).toMatch(/^text\/(javascript|css)/);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });
});
