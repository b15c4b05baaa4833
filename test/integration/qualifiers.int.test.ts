// How the seed article qualifies what it states, through the API: how a statement was made (in
// writing, in a video) and how far a place lies from another, each with the words of the article
// that say so.
import { describe, expect, it } from 'vitest';
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
