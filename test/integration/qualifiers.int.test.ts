// How the seed article qualifies what it states, through the API: how a statement was made (in
// writing, in a video) and how far a place lies from another, each with the words of the article
// that say so.
import { describe, expect, it } from 'vitest';
import { ingestDocument, removeArticle } from '../../src/ingest/ingest.js';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

describe('the manner of a statement', () => {
  it('says Yoon answered in writing, on the claim and on its report, with the words and the quote', async () => {
    const { claim } = await ask(
      `query($key: String!) {
        claim(key: $key) {
          attributedTo { cue manner { kind wording } entity { key } evidence { quote } }
          reports(first: 5) { edges { node { attributions { cue manner { kind wording } } } } }
        }
      }`,
      { key: `${ARTICLE_KEY}/claim:yoon-cooperation-illegal` },
    );
    expect(claim.attributedTo).toEqual([
      {
        cue: 'kata',
        manner: { kind: 'WRITTEN', wording: 'dalam tanggapan tertulisnya' },
        entity: { key: 'person:yoon-suk-yeol' },
        evidence: [
          { quote: 'kata Presiden Korea Selatan Yoon Suk-yeol dalam tanggapan tertulisnya pada hari Minggu' },
        ],
      },
    ]);
    expect(claim.attributedTo[0].evidence[0].quote).toContain(claim.attributedTo[0].manner.wording);
    expect(claim.reports.edges.map((e: any) => e.node.attributions)).toEqual([
      [{ cue: 'kata', manner: { kind: 'WRITTEN', wording: 'dalam tanggapan tertulisnya' } }],
    ]);
  });

  it('says state media released a video; an attribution the text does not qualify has no manner', async () => {
    const { talk, ceremony } = await ask(
      `query($talk: String!, $ceremony: String!) {
        talk: event(key: $talk) { reportedBy { cue manner { kind wording } entity { key } } }
        ceremony: event(key: $ceremony) { reportedBy { cue manner { kind } } }
      }`,
      {
        talk: `${ARTICLE_KEY}/event:talk-with-residents`,
        ceremony: `${ARTICLE_KEY}/event:farewell-ceremony`,
      },
    );
    expect(talk.reportedBy).toEqual([
      {
        cue: 'merilis',
        manner: { kind: 'RECORDED', wording: 'merilis video' },
        entity: { key: 'group:russian-state-media' },
      },
    ]);
    expect(ceremony.reportedBy).toEqual([{ cue: 'lapor', manner: null }]);
  });
});

describe('the manner of a participation', () => {
  it('says Kim spoke with the residents through an interpreter, on the event and on its report', async () => {
    const { event } = await ask(
      `query($key: String!) {
        event(key: $key) {
          participants { role entity { key } manner { kind wording } }
          evidence { quote }
          reports(first: 5) { edges { node { participants { role entity { key } manner { kind wording } } } } }
        }
      }`,
      { key: `${ARTICLE_KEY}/event:talk-with-residents` },
    );
    const expected = [
      {
        role: 'SPEAKER',
        entity: { key: 'person:kim-jong-un' },
        manner: { kind: 'THROUGH_INTERPRETER', wording: 'melalui penerjemah' },
      },
      { role: 'PARTICIPANT', entity: { key: 'group:russian-residents' }, manner: null },
      { role: 'ATTENDEE', entity: { key: 'group:accompanying-officials' }, manner: null },
    ];
    const byRole = (xs: { role: string }[]) => [...xs].sort((a, b) => a.role.localeCompare(b.role));
    expect(byRole(event.participants)).toEqual(byRole(expected));
    expect(event.evidence[0].quote).toContain('melalui penerjemah');
    expect(event.reports.edges.map((e: any) => byRole(e.node.participants))).toEqual([byRole(expected)]);
  });
});

describe('a distance', () => {
  it('says Artyom lies about 200 km from the North Korean border, with the words and the quote', async () => {
    const { entity } = await ask(`{
      entity(key: "place:artyom") {
        relations(first: 10, types: [DISTANCE_FROM]) {
          edges { node {
            type direction to { key }
            distance { value unit approximate measuredFrom measuredFromId: measuredFrom(lang: "id") wording }
            evidence { quote }
          } }
        }
      }
    }`);
    expect(entity.relations.edges.map((e: any) => e.node)).toEqual([
      {
        type: 'DISTANCE_FROM',
        direction: 'OUTGOING',
        to: { key: 'country:north-korea' },
        distance: {
          value: 200,
          unit: 'KM',
          approximate: true,
          measuredFrom: 'the border',
          measuredFromId: 'perbatasan',
          wording: 'sekitar 200 kilometer dari perbatasan dengan Korea Utara',
        },
        evidence: [
          {
            quote:
              'Artyom, kota di timur jauh Rusia, sekitar 200 kilometer dari perbatasan dengan Korea Utara',
          },
        ],
      },
    ]);
  });

  it('is null on the relations that are not distances', async () => {
    const { entity } = await ask(`{
      entity(key: "place:artyom") { relations(first: 10, types: [LOCATED_IN]) { edges { node { type distance { value } } } } }
    }`);
    const nodes = entity.relations.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(n).toEqual({ type: 'LOCATED_IN', distance: null });
  });
});

describe('two reports of one conversation', () => {
  // A made-up report (invented outlet, own words) of the same conversation, one day later, in
  // which Kim speaks to the residents himself.
  const text =
    'Vladivostok: In a video released by state media, Kim Jong-un chatted with Russian residents himself, without an interpreter, on Russky Island.';
  const at = (quote: string) => {
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    return { quote, start, end: start + Array.from(quote).length };
  };
  const doc = {
    formatVersion: 1,
    article: {
      id: 'fixture-talk-in-person',
      language: 'en',
      title: 'Kim talks to residents (made-up test article)',
      outlet: 'Made-up Wire (fictional)',
      publishedOn: '2023-09-18',
      text,
    },
    entities: [
      {
        id: 'person:kim-jong-un',
        type: 'Person',
        labels: { en: 'Kim Jong-un', id: 'Kim Jong-un' },
        mentions: [at('Kim Jong-un')],
      },
      {
        id: 'group:russian-residents',
        type: 'Group',
        labels: { en: 'Russian residents', id: 'Warga Rusia' },
        mentions: [at('Russian residents')],
      },
    ],
    relations: [],
    events: [
      {
        id: 'event:talk',
        kind: 'Conversation',
        label: { en: 'Kim talks with Russian residents' },
        sameAs: `${ARTICLE_KEY}/event:talk-with-residents`,
        participants: [
          { entity: 'person:kim-jong-un', role: 'SPEAKER', manner: { kind: 'SPOKEN', wording: 'himself' } },
          { entity: 'group:russian-residents', role: 'PARTICIPANT' },
        ],
        evidence: [at('Kim Jong-un chatted with Russian residents himself, without an interpreter')],
      },
    ],
    claims: [],
  };

  it("keeps each report's manner; the statement shows the first report's", async () => {
    await ingestDocument(graph.db, doc);
    try {
      const { event } = await ask(
        `query($key: String!) {
          event(key: $key) {
            sourceCount
            participants { role entity { key } manner { kind wording } }
            reports(first: 5) { edges { node { article { key } participants { role entity { key } manner { kind wording } } } } }
          }
        }`,
        { key: `${ARTICLE_KEY}/event:talk-with-residents` },
      );
      expect(event.sourceCount).toBe(2);
      const kim = (ps: any[]) => ps.find((p) => p.entity.key === 'person:kim-jong-un');
      expect(
        event.reports.edges.map((e: any) => [e.node.article.key, kim(e.node.participants).manner]),
      ).toEqual([
        [ARTICLE_KEY, { kind: 'THROUGH_INTERPRETER', wording: 'melalui penerjemah' }],
        ['fixture-talk-in-person', { kind: 'SPOKEN', wording: 'himself' }],
      ]);
      expect(kim(event.participants)).toEqual({
        role: 'SPEAKER',
        entity: { key: 'person:kim-jong-un' },
        manner: { kind: 'THROUGH_INTERPRETER', wording: 'melalui penerjemah' },
      });
    } finally {
      await removeArticle(graph.db, 'fixture-talk-in-person');
    }
  });
});
