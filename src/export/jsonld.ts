// JSON-LD: schema.org types for the things, the W3C Web Annotation model for evidence (each span
// a SpecificResource of its article with a TextQuoteSelector and a TextPositionSelector, linked
// to what it supports by an Annotation), PROV-O for who asserts what, Wikidata items as sameAs.
// The context is written inline, so a processor needs no network to read the file. Objects are
// written as they are read; an edge is a further object with the same @id, merged by processors.
import type { Plain } from '../db/mappers.js';
import type { ExportEdge, ExportNode } from './read.js';
import { edgeId, jsonMap } from './table.js';

export const ID_BASE = 'urn:news-graph:';
export const VOCAB = 'urn:news-graph:vocab#';

const ref = { '@type': '@id' } as const;
const langMap = (id: string) => ({ '@id': id, '@container': '@language' });

export const CONTEXT = {
  '@vocab': 'https://schema.org/',
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  ng: VOCAB,
  name: langMap('https://schema.org/name'),
  alternateName: langMap('https://schema.org/alternateName'),
  description: langMap('https://schema.org/description'),
  roleName: langMap('https://schema.org/roleName'),
  sameAs: { '@id': 'https://schema.org/sameAs', ...ref },
  appearance: { '@id': 'https://schema.org/appearance', ...ref },
  subjectOf: { '@id': 'https://schema.org/subjectOf', ...ref },
  location: { '@id': 'https://schema.org/location', ...ref },
  superEvent: { '@id': 'https://schema.org/superEvent', ...ref },
  about: { '@id': 'https://schema.org/about', ...ref },
  citation: { '@id': 'https://schema.org/citation', ...ref },
  affiliation: { '@id': 'https://schema.org/affiliation', ...ref },
  memberOf: { '@id': 'https://schema.org/memberOf', ...ref },
  containedInPlace: { '@id': 'https://schema.org/containedInPlace', ...ref },
  Annotation: 'oa:Annotation',
  SpecificResource: 'oa:SpecificResource',
  TextQuoteSelector: 'oa:TextQuoteSelector',
  TextPositionSelector: 'oa:TextPositionSelector',
  motivation: { '@id': 'oa:motivatedBy', '@type': '@vocab' },
  describing: 'oa:describing',
  identifying: 'oa:identifying',
  body: { '@id': 'oa:hasBody', ...ref },
  target: { '@id': 'oa:hasTarget', ...ref },
  source: { '@id': 'oa:hasSource', ...ref },
  selector: { '@id': 'oa:hasSelector', '@container': '@set' },
  exact: 'oa:exact',
  prefix: 'oa:prefix',
  suffix: 'oa:suffix',
  start: { '@id': 'oa:start', '@type': 'xsd:nonNegativeInteger' },
  end: { '@id': 'oa:end', '@type': 'xsd:nonNegativeInteger' },
  wasAttributedTo: { '@id': 'prov:wasAttributedTo', ...ref },
  qualifiedAttribution: { '@id': 'prov:qualifiedAttribution' },
  agent: { '@id': 'prov:agent', ...ref },
  evidence: { '@id': 'ng:evidence', ...ref, '@container': '@set' },
  statedIn: { '@id': 'ng:statedIn', ...ref },
  participant: { '@id': 'ng:participant' },
  entity: { '@id': 'ng:entity', ...ref },
  disputes: { '@id': 'ng:disputes', ...ref },
  condemns: { '@id': 'ng:condemns', ...ref },
  supports: { '@id': 'ng:supports', ...ref },
  relationStatement: { '@id': 'ng:relationStatement' },
  object: { '@id': 'ng:object', ...ref },
};

// IRIs for graph keys: characters outside RFC 3987's unreserved and sub-delims are escaped, so a
// key with "#", "?" or a space still makes one IRI.
export const iri = (key: string) =>
  `${ID_BASE}${key.replace(/[^A-Za-z0-9\-._~:/@!$&'()*+,;=]/g, (c) => encodeURIComponent(c))}`;

const ENTITY_TYPES: Record<string, string[]> = {
  Person: ['Person'],
  Organization: ['Organization'],
  Country: ['Country'],
  Location: ['Place'],
  Group: ['ng:Group', 'prov:Agent'],
  Item: ['Thing', 'ng:Item'],
};

type Obj = Record<string, unknown>;
const defined = (o: Obj): Obj =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
const arrays = (m: Record<string, unknown>) => (Object.keys(m).length ? m : undefined);

function dateFields(p: Record<string, Plain>) {
  return {
    'ng:datePrecision': p.precision,
    'ng:approximate': p.approximate === true ? true : undefined,
    'ng:partOfDay': p.partOfDay,
    'ng:dateText': p.dateText,
  };
}

export function nodeObject({ label, props: p }: ExportNode): Obj {
  const id = iri(String(p.id));
  switch (label) {
    case 'Article':
      return defined({
        '@id': id,
        '@type': 'NewsArticle',
        identifier: p.id,
        headline: p.title,
        dateline: p.dateline,
        datePublished: p.publishedOn,
        inLanguage: p.language,
        text: p.text,
      });
    case 'Entity': {
      const wikidata = typeof p.wikidata === 'string' ? `http://www.wikidata.org/entity/${p.wikidata}` : null;
      return defined({
        '@id': id,
        '@type': ENTITY_TYPES[String(p.type)] ?? ['Thing'],
        identifier: p.id,
        name: jsonMap(p.labelsJson),
        alternateName: arrays(JSON.parse(typeof p.aliasesJson === 'string' ? p.aliasesJson : '{}')),
        description: arrays(jsonMap(p.descriptionJson)),
        sameAs: wikidata,
      });
    }
    case 'Event':
      return defined({
        '@id': id,
        '@type': 'Event',
        identifier: p.id,
        name: jsonMap(p.labelJson),
        description: arrays(jsonMap(p.summaryJson)),
        'ng:kind': p.kind,
        'ng:status': p.status,
        startDate: p.startDate,
        endDate: p.endDate,
        ...dateFields(p),
      });
    case 'Claim':
      return defined({
        '@id': id,
        '@type': ['Claim', `ng:${p.kind}`],
        identifier: p.id,
        description: { en: p.summary },
        'ng:wording': p.wording,
        'ng:status': p.status,
        'ng:hedge': p.hedge,
        temporalCoverage: p.startDate,
        ...dateFields(p),
      });
    case 'Evidence':
      return {
        '@id': id,
        '@type': 'SpecificResource',
        source: iri(String(p.article)),
        selector: [
          { '@type': 'TextQuoteSelector', exact: p.quote, prefix: p.prefix, suffix: p.suffix },
          { '@type': 'TextPositionSelector', start: p.start, end: p.end },
        ],
      };
  }
}

/** The schema.org property for a relationship drawn directly between its two ends. */
const DIRECT: Record<string, string> = {
  AT: 'location',
  PART_OF: 'superEvent',
  ABOUT: 'about',
  CITES: 'citation',
  DISPUTES: 'disputes',
  CONDEMNS: 'condemns',
  SUPPORTS: 'supports',
  HOLDS_ROLE: 'affiliation',
  MEMBER_OF: 'memberOf',
  LOCATED_IN: 'containedInPlace',
};

export function edgeObject(e: ExportEdge): Obj | null {
  const source = iri(e.source);
  const target = iri(e.target);
  const p = e.props;
  const evidence =
    Array.isArray(p.evidenceIds) && p.evidenceIds.length
      ? p.evidenceIds.map((x) => iri(String(x)))
      : undefined;
  switch (e.type) {
    case 'EVIDENCED_BY':
    case 'MENTIONS': {
      const [body, span] = e.type === 'MENTIONS' ? [target, source] : [source, target];
      return defined({
        '@id': iri(`annotation/${edgeId(e)}`),
        '@type': 'Annotation',
        motivation: e.type === 'MENTIONS' ? 'identifying' : 'describing',
        body,
        target: span,
        'ng:surface': p.surface,
      });
    }
    case 'REPORTED_IN':
      return { '@id': source, [e.sourceLabel === 'Claim' ? 'appearance' : 'subjectOf']: target };
    case 'IN_ARTICLE':
      return null; // the evidence names its article as its source already
    case 'PARTICIPANT':
      return {
        '@id': source,
        participant: defined({
          '@type': 'Role',
          roleName: { en: p.role },
          entity: target,
          'ng:manner': p.manner,
          'ng:mannerWording': p.mannerWording,
        }),
      };
    case 'ATTRIBUTED_TO':
    case 'REPORTED_BY':
      return {
        '@id': source,
        wasAttributedTo: target,
        qualifiedAttribution: defined({
          '@type': 'prov:Attribution',
          agent: target,
          'ng:cue': p.cue,
          'ng:manner': p.manner,
          'ng:mannerWording': p.mannerWording,
          evidence,
        }),
      };
  }
  const property = DIRECT[e.type] ?? `ng:${e.type}`;
  const qualified =
    typeof p.article === 'string'
      ? {
          relationStatement: defined({
            '@type': 'ng:RelationStatement',
            'ng:relation': e.type,
            object: target,
            roleName: arrays({ ...jsonMap(p.titleJson), ...jsonMap(p.roleJson) }),
            startDate: p.since,
            'ng:datePrecision': p.sincePrecision,
            'ng:dateText': p.sinceText,
            'ng:distance': p.distanceValue,
            'ng:distanceUnit': p.distanceUnit,
            'ng:distanceApproximate': p.distanceApproximate,
            'ng:distanceBound': p.distanceBound,
            'ng:distanceFrom': arrays(jsonMap(p.distanceFromJson)),
            'ng:distanceText': p.distanceText,
            evidence,
            statedIn: iri(p.article),
          }),
        }
      : {};
  return { '@id': source, [property]: target, ...qualified };
}

export async function* jsonld(
  nodes: AsyncIterable<ExportNode>,
  edges: AsyncIterable<ExportEdge>,
  description: string,
): AsyncGenerator<string> {
  // The export describes itself as a Dataset inside the graph: properties beside "@graph" at the
  // top would make the whole graph a named graph of that node.
  yield `{\n"@context": ${JSON.stringify(CONTEXT)},\n"@graph": [\n`;
  yield JSON.stringify({ '@id': iri('export'), '@type': 'Dataset', description: { en: description } });
  let first = false;
  const item = (o: Obj) => {
    const s = `${first ? '' : ',\n'}${JSON.stringify(o)}`;
    first = false;
    return s;
  };
  for await (const n of nodes) yield item(nodeObject(n));
  for await (const e of edges) {
    const o = edgeObject(e);
    if (o) yield item(o);
  }
  yield '\n]\n}\n';
}
