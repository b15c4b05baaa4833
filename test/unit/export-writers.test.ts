// The writers' escaping: CSV fields, XML text and IRIs built from keys stay intact whatever the
// graph holds (commas, quotes and line breaks in quotes; markup characters in names).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../src/export/command.js';
import { csvField } from '../../src/export/csv.js';
import { xmlText } from '../../src/export/graphml.js';
import { iri } from '../../src/export/jsonld.js';
import { parseExportUrl } from '../../src/export/route.js';

describe('csvField', () => {
  it('quotes what would break a row, and a CSV reader gets the value back', () => {
    const values = ['plain', 'a, b', 'say "kata"', 'two\nlines', 'cr\r\nlf', ''];
    const line = `${values.map(csvField).join(',')}\r\n`;
    expect(parse(line, { relax_column_count: false })).toEqual([values]);
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "kata"')).toBe('"say ""kata"""');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('makes text a spreadsheet would run as a formula inert, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1 (555)')).toBe("'+1 (555)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Kim = leader')).toBe('Kim = leader');
  });
});

describe('xmlText', () => {
  it('escapes markup and drops what XML cannot hold', () => {
    expect(xmlText(`<b>&"'`)).toBe('&lt;b&gt;&amp;&quot;&apos;');
    expect(xmlText('a\u0000b\u0007c\td')).toBe('abc\td');
  });
});

describe('iri', () => {
  it('makes one IRI of any key', () => {
    expect(iri('country:north-korea')).toBe('urn:news-graph:country:north-korea');
    expect(iri('c27a/claim:x')).toBe('urn:news-graph:c27a/claim:x');
    expect(iri('a b#c?d')).toBe('urn:news-graph:a%20b%23c%3Fd');
  });
});

describe('export arguments', () => {
  it('reads a complete request', () => {
    expect(parseExportArgs(['--format', 'graphml', '--entity', 'country:russia', '--depth', '2'])).toEqual({
      format: 'graphml',
      scope: { kind: 'entity', key: 'country:russia', depth: 2 },
      out: null,
    });
    expect(parseExportArgs(['--format', 'jsonld']).scope).toEqual({ kind: 'graph' });
  });

  it('names what is wrong', () => {
    const wrong = (args: string[]) => {
      try {
        parseExportArgs(args);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(wrong([])).toBe('no format given: use --format jsonld, csv or graphml');
    expect(wrong(['--format', 'xml'])).toBe('unknown format "xml": use jsonld, csv or graphml');
    expect(wrong(['--format', 'csv'])).toBe(
      '--format csv writes nodes.csv and edges.csv: name their folder with --out',
    );
    expect(wrong(['--format', 'jsonld', '--entity', 'x', '--depth', '4'])).toBe(
      'depth must be a whole number from 1 to 3 (got "4")',
    );
    expect(wrong(['--format', 'jsonld', '--entity', 'x', '--depth', '1.5'])).toBe(
      'depth must be a whole number from 1 to 3 (got "1.5")',
    );
    expect(wrong(['--format', 'jsonld', '--depth', '2'])).toBe('--depth goes with --entity');
    expect(wrong(['--format', 'jsonld', '--article', 'a', '--entity', 'b'])).toBe(
      'give --article or --entity, not both',
    );
    expect(wrong(['--format', 'jsonld', '--bogus'])).toMatch(/^Unknown option '--bogus'/);
  });
});

describe('export URLs', () => {
  const route = (u: string) => parseExportUrl(new URL(u, 'http://localhost'));
  it('name a scope, a format and a file', () => {
    expect(route('/export/entity/country%3Anorth-korea.edges.csv?depth=2')).toMatchObject({
      scope: { kind: 'entity', key: 'country:north-korea', depth: 2 },
      format: 'csv',
      part: 'edges',
      filename: 'news-graph-entity-country_north-korea-depth2.edges.csv',
    });
    expect(route('/export/graph.jsonld').scope).toEqual({ kind: 'graph' });
    expect(route('/export/article/c27a.graphml').scope).toEqual({ kind: 'article', key: 'c27a' });
  });
  it('reject what they cannot name', () => {
    expect(() => route('/export/graph.xml')).toThrow(/unknown export format/);
    expect(() => route('/export/graph.jsonld?depth=2')).toThrow('depth applies to entity exports only');
    expect(() => route('/export/people/x.jsonld')).toThrow(/no export at/);
    expect(() => route('/export/entity/%E0.jsonld')).toThrow(/not valid percent-encoding/);
  });
});
