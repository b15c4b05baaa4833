// Questions a reader of the seed article (Kim Jong-un leaves Russia after meeting Putin, 17 Sept
// 2023) asks, answered through the API with the article's own words as evidence.
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();

const claimKey = (id: string) => `${ARTICLE_KEY}/claim:${id}`;
const eventKey = (id: string) => `${ARTICLE_KEY}/event:${id}`;

/** Runs a query that must succeed, and returns its data. */
async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data as T;
}

/** The article text between code-point offsets, as the API defines them. */
let slice: (start: number, end: number) => string;
let articleText: string;

beforeAll(async () => {
  const data = await ask(`query($key: String!) { article(key: $key) { text } }`, { key: ARTICLE_KEY });
  articleText = data.article.text;
  const points = Array.from(articleText);
  slice = (start, end) => points.slice(start, end).join('');
});

const sorted = (xs: string[]) => [...xs].sort();

describe('who attended the farewell ceremony', () => {
  it('names Kozlov, Kozhemyako and the senior officials as attendees, the band as performer, as RIA reported', async () => {
    const { event } = await ask(
      `query($key: String!) {
        event(key: $key) {
          kind label
          time { start precision original }
          location { key label(lang: "id") }
          participants { role entity { key label } }
          attendees: participants(role: ATTENDEE) { entity { key } }
          reportedBy { entity { key label } cue evidence { quote start end } }
          evidence { quote start end }
          partOf { key }
        }
      }`,
      { key: eventKey('farewell-ceremony') },
    );
    expect(event.kind).toBe('Ceremony');
    expect(event.time).toEqual({
      start: '2023-09-17',
      precision: 'DAY',
      original: 'hari Minggu, 17 September 2023',
    });
    expect(event.location).toEqual({ key: 'place:artyom-station', label: 'Sebuah stasiun di Artyom' });
    expect(event.partOf).toEqual({ key: eventKey('kim-visit-russia') });

    const byRole = (role: string) =>
      sorted(event.participants.filter((p: any) => p.role === role).map((p: any) => p.entity.key));
    expect(byRole('ATTENDEE')).toEqual([
      'group:senior-officials',
      'person:alexander-kozlov',
      'person:oleg-kozhemyako',
    ]);
    expect(byRole('PERFORMER')).toEqual(['org:russian-military-band']);
    expect(byRole('HONOREE')).toEqual(['person:kim-jong-un']);
    expect(sorted(event.attendees.map((p: any) => p.entity.key))).toEqual(byRole('ATTENDEE'));
    const labels = event.participants.map((p: any) => p.entity.label);
    expect(labels).toEqual(
      expect.arrayContaining(['Alexander Kozlov', 'Oleg Kozhemyako', 'Russian military band']),
    );

    expect(event.reportedBy).toEqual([
      {
        entity: { key: 'org:ria', label: 'RIA' },
        cue: 'lapor',
        evidence: [{ quote: 'lapor kantor berita RIA', start: 764, end: 787 }],
      },
    ]);
    const quotes: string[] = event.evidence.map((e: any) => e.quote);
    expect(quotes.some((q) => q.includes('upacara'))).toBe(true);
    expect(quotes.join(' ')).toContain('Alexander Kozlov');
    expect(quotes.join(' ')).toContain('band militer Rusia');
    for (const e of [...event.evidence, ...event.reportedBy[0].evidence])
      expect(slice(e.start, e.end)).toBe(e.quote);
  });
});

describe('what a source reported', () => {
  it('follows REPORTED_BY back from the reporter: RIA reported the farewell and the departure', async () => {
    const res = await graph.gql(`{
      entity(key: "org:ria") { reportedEvents { totalCount edges { node { key } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.entity.reportedEvents).toEqual({
      totalCount: 2,
      edges: [
        { node: { key: 'c27a19544a1cdf98/event:farewell-ceremony' } },
        { node: { key: 'c27a19544a1cdf98/event:train-departure' } },
      ],
    });
  });
});

describe('what North Korea would get in return, and according to whom', () => {
  const QUERY = `{
    claims(filter: { kinds: [ArmsDeal], participant: "country:north-korea", role: SUPPLIER }) {
      totalCount
      edges { node {
        key kind status hedge summary wording
        ... on ArmsDeal {
          suppliers { key } recipients { key } items { key }
          inReturn { key label label_id: label(lang: "id") }
        }
        attributedTo { entity { key label } cue evidence { quote } }
        assertedByArticle
        evidence { quote start end }
      } }
    }
  }`;

  it('advanced Russian technology, say foreign officials and experts ("mengatakan"), hedged with "bisa"', async () => {
    const { claims } = await ask(QUERY);
    expect(claims.totalCount).toBe(3);
    const deal = claims.edges
      .map((e: any) => e.node)
      .find((c: any) => c.key === claimKey('ammunition-for-technology'));
    expect(deal).toBeDefined();
    expect(deal.kind).toBe('ArmsDeal');
    expect(deal.status).toBe('ALLEGED');
    expect(deal.hedge).toBe('bisa');
    expect(deal.suppliers).toEqual([{ key: 'country:north-korea' }]);
    expect(deal.recipients).toEqual([{ key: 'country:russia' }]);
    expect(deal.items).toEqual([{ key: 'item:ammunition' }]);
    expect(deal.inReturn).toEqual([
      {
        key: 'item:advanced-technology',
        label: 'Advanced Russian technology',
        label_id: 'Teknologi canggih Rusia',
      },
    ]);
    expect(deal.attributedTo).toEqual([
      {
        entity: { key: 'group:foreign-officials-and-experts', label: 'Foreign officials and experts' },
        cue: 'mengatakan',
        evidence: [{ quote: 'Para pejabat dan pakar asing mengatakan' }],
      },
    ]);
    expect(deal.assertedByArticle).toBe(false);
    const quotes = deal.evidence.map((e: any) => e.quote);
    expect(quotes).toContain(
      'Sebagai gantinya, Korea Utara akan mendapat teknologi canggih Rusia yang dapat mendorong ambisi nuklir Kim Jong-un.',
    );
    expect(quotes.some((q: string) => q.includes('bisa menyediakan amunisi'))).toBe(true);
    for (const e of deal.evidence) expect(slice(e.start, e.end)).toBe(e.quote);
  });

  it('economic and food aid and technology transfers, say the experts, who expect it ("akan")', async () => {
    const { claims } = await ask(QUERY);
    const deal = claims.edges
      .map((e: any) => e.node)
      .find((c: any) => c.key === claimKey('weapons-for-aid-and-technology'));
    expect(deal.status).toBe('EXPECTED');
    expect(deal.hedge).toBe('akan');
    expect(deal.items).toEqual([{ key: 'item:conventional-weapons' }]);
    expect(sorted(deal.inReturn.map((x: any) => x.key))).toEqual([
      'item:economic-aid',
      'item:food-aid',
      'item:technology-transfer',
    ]);
    expect(deal.inReturn.map((x: any) => x.label_id)).toEqual(
      expect.arrayContaining(['Bantuan ekonomi', 'Bantuan pangan', 'Transfer teknologi']),
    );
    expect(deal.attributedTo.map((a: any) => [a.entity.key, a.cue])).toEqual([
      ['group:experts', 'mengatakan'],
    ]);
    expect(deal.evidence[0].quote).toContain(
      'para ahli mengatakan Korea Utara akan meminta bantuan ekonomi dan pangan',
    );
  });

  it('the third North Korean supply claim, an alleged Russian effort, names nothing in return', async () => {
    const { claims } = await ask(QUERY);
    const deal = claims.edges
      .map((e: any) => e.node)
      .find((c: any) => c.key === claimKey('alleged-russian-ammunition-effort'));
    expect(deal.inReturn).toEqual([]);
    expect(deal.hedge).toBe('dugaan');
    expect(sorted(deal.items.map((x: any) => x.key))).toEqual(['item:ammunition', 'item:artillery-shells']);
    // "Para pengamat mengatakan dugaan upaya Rusia…": the allegation is the observers', not the article's.
    expect(deal.attributedTo.map((a: any) => [a.entity.key, a.cue])).toEqual([
      ['group:observers', 'mengatakan'],
    ]);
  });
});

describe('what Yoon Suk-yeol condemns and cites', () => {
  it('condemns the arms-cooperation claims without disputing them, and cites the UN resolution, with exact quotes', async () => {
    const { entity } = await ask(`{
      entity(key: "person:yoon-suk-yeol") {
        label
        ... on Person {
          titles { totalCount edges { node { title to { key } } } }
          roles { totalCount edges { node { title to { key } } } }
        }
        assertedClaims { totalCount edges { cue node {
          key kind status
          condemns { key status }
          disputes { key }
          contradicts { key }
          cites { key kind ... on UNResolution { bodies { key } targets { key } supporters { key } } evidence { quote start end } }
          links(direction: OUTGOING) { type direction claim { key } }
          evidence { quote start end inContext(chars: 40) { before quote after } }
        } } }
      }
    }`);
    expect(entity.label).toBe('Yoon Suk-yeol');
    // `roles` is the deprecated name of `titles` on Person, and answers the same.
    expect(entity.roles).toEqual(entity.titles);
    expect(entity.titles).toEqual({
      totalCount: 1,
      edges: [{ node: { title: 'President of South Korea', to: { key: 'country:south-korea' } } }],
    });
    expect(entity.assertedClaims.totalCount).toBe(1);
    const [edge] = entity.assertedClaims.edges;
    expect(edge.cue).toBe('kata');
    const claim = edge.node;
    expect(claim.key).toBe(claimKey('yoon-cooperation-illegal'));
    expect(claim.kind).toBe('Statement');
    expect(claim.status).toBe('ASSERTED');
    // He calls the cooperation illegal; he does not deny that it happens.
    const condemned = sorted([
      claimKey('ammunition-for-technology'),
      claimKey('alleged-russian-ammunition-effort'),
      claimKey('weapons-for-aid-and-technology'),
      claimKey('deepening-defence-cooperation'),
    ]);
    expect(sorted(claim.condemns.map((c: any) => c.key))).toEqual(condemned);
    expect(claim.disputes).toEqual([]);
    // The deprecated field still answers, with both kinds.
    expect(sorted(claim.contradicts.map((c: any) => c.key))).toEqual(condemned);
    expect(
      claim.condemns
        .filter((c: any) => c.key !== claimKey('deepening-defence-cooperation'))
        .map((c: any) => c.status),
    ).not.toContain('ASSERTED');

    expect(claim.cites).toHaveLength(1);
    const [resolution] = claim.cites;
    expect(resolution.key).toBe(claimKey('unsc-arms-ban'));
    expect(resolution.kind).toBe('UNResolution');
    expect(resolution.bodies).toEqual([{ key: 'org:un-security-council' }]);
    expect(resolution.targets).toEqual([{ key: 'country:north-korea' }]);
    expect(resolution.supporters).toEqual([{ key: 'country:russia' }]);
    expect(resolution.evidence[0].quote).toMatch(
      /^Resolusi Dewan Keamanan PBB .* melarang Korea Utara mengekspor/,
    );

    expect(claim.links.map((l: any) => l.type).sort()).toEqual([
      'CITES',
      'CONDEMNS',
      'CONDEMNS',
      'CONDEMNS',
      'CONDEMNS',
    ]);
    expect(claim.links.every((l: any) => l.direction === 'OUTGOING')).toBe(true);

    expect(claim.evidence).toHaveLength(1);
    const [quote] = claim.evidence;
    expect(quote.quote).toContain('bertentangan dengan resolusi Dewan Keamanan PBB');
    for (const e of [quote, ...resolution.evidence]) expect(slice(e.start, e.end)).toBe(e.quote);
    expect(quote.inContext.quote).toBe(quote.quote);
    expect(quote.inContext.before).toBe(slice(quote.start - 40, quote.start));
    expect(quote.inContext.after).toBe(slice(quote.end, quote.end + 40));
    expect(quote.inContext.after).toContain('kata Presiden Korea Selatan');
  });

  it('the other side sees it too: condemnedBy and citedBy point back at Yoon’s statement', async () => {
    const data = await ask(
      `query($deal: String!, $un: String!) {
      deal: claim(key: $deal) { condemnedBy { key } disputedBy { key } contradictedBy { key } supportedBy { key } }
      un: claim(key: $un) { citedBy { key } links(direction: INCOMING, type: CITES) { direction claim { key } } }
    }`,
      { deal: claimKey('ammunition-for-technology'), un: claimKey('unsc-arms-ban') },
    );
    expect(data.deal.condemnedBy).toEqual([{ key: claimKey('yoon-cooperation-illegal') }]);
    expect(data.deal.disputedBy).toEqual([]);
    expect(data.deal.contradictedBy).toEqual([{ key: claimKey('yoon-cooperation-illegal') }]);
    expect(data.deal.supportedBy).toEqual([{ key: claimKey('weapons-for-aid-and-technology') }]);
    expect(data.un.citedBy).toEqual([{ key: claimKey('yoon-cooperation-illegal') }]);
    expect(data.un.links).toEqual([
      { direction: 'INCOMING', claim: { key: claimKey('yoon-cooperation-illegal') } },
    ]);
  });
});

describe('how Yoon Suk-yeol connects to Vladimir Putin', () => {
  it('finds the shortest paths, each a chain of real hops from Yoon to Putin', async () => {
    const { paths } = await ask(`{
      paths(from: "person:yoon-suk-yeol", to: "person:vladimir-putin", maxHops: 4) {
        length
        nodes { id key type }
        edges { source target type }
        steps { from { id key } to { id key } relation role forward edge { source target } }
      }
    }`);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      // All shortest: every path has the least length, here three hops through Yoon's statement.
      expect(p.length).toBe(3);
      expect(p.steps).toHaveLength(p.length);
      expect(p.nodes[0].key).toBe('person:yoon-suk-yeol');
      expect(p.nodes.at(-1).key).toBe('person:vladimir-putin');
      p.steps.forEach((s: any, i: number) => {
        expect(s.from.key).toBe(p.nodes[i].key);
        expect(s.to.key).toBe(p.nodes[i + 1].key);
        const [a, b] = s.forward ? [s.from.id, s.to.id] : [s.to.id, s.from.id];
        expect([s.edge.source, s.edge.target]).toEqual([a, b]);
      });
    }
    const through = paths.map((p: any) => p.nodes.map((n: any) => n.key).join(' > '));
    expect(through).toContain(
      `person:yoon-suk-yeol > ${claimKey('yoon-cooperation-illegal')} > country:russia > person:vladimir-putin`,
    );
    const last = paths[0].steps.at(-1);
    expect([last.relation, last.forward]).toEqual(['HOLDS_ROLE', false]);
  });

  it('finds nothing within two hops, and refuses an unknown entity', async () => {
    expect(
      (
        await ask(
          `{ paths(from: "person:yoon-suk-yeol", to: "person:vladimir-putin", maxHops: 2) { length } }`,
        )
      ).paths,
    ).toEqual([]);
    const res = await graph.gql(`{ paths(from: "person:nobody", to: "person:vladimir-putin") { length } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});

describe('from a claim to its article and paragraph', () => {
  it('each quote lies in its paragraph, whose text is the article’s at the paragraph offsets', async () => {
    const { claims } = await ask(`{
      claims(first: 100) { totalCount edges { node { key evidence {
        quote start end
        paragraph { index start end text article { key } }
        article { key publishedOn language }
      } } } }
    }`);
    expect(claims.totalCount).toBe(13);
    for (const { node } of claims.edges) {
      expect(node.evidence.length).toBeGreaterThan(0);
      for (const e of node.evidence) {
        expect(e.article).toEqual({ key: ARTICLE_KEY, publishedOn: '2023-09-17', language: 'id' });
        expect(e.paragraph.article.key).toBe(ARTICLE_KEY);
        expect(e.paragraph.text).toContain(e.quote);
        expect(slice(e.paragraph.start, e.paragraph.end)).toBe(e.paragraph.text);
        expect(e.start).toBeGreaterThanOrEqual(e.paragraph.start);
        expect(e.end).toBeLessThanOrEqual(e.paragraph.end);
      }
    }
  });

  it('the UN resolution is in paragraph 8, Yoon’s statement in paragraph 9', async () => {
    const data = await ask(
      `query($un: String!, $yoon: String!) {
      un: claim(key: $un) { article { key publishedOn } evidence { paragraph { index text } article { key publishedOn } } }
      yoon: claim(key: $yoon) { evidence { quote paragraph { index text } } }
    }`,
      { un: claimKey('unsc-arms-ban'), yoon: claimKey('yoon-cooperation-illegal') },
    );
    expect(data.un.article).toEqual({ key: ARTICLE_KEY, publishedOn: '2023-09-17' });
    expect(data.un.evidence[0].paragraph.index).toBe(8);
    expect(data.un.evidence[0].paragraph.text).toMatch(/^Resolusi Dewan Keamanan PBB/);
    expect(data.un.evidence[0].article).toEqual({ key: ARTICLE_KEY, publishedOn: '2023-09-17' });
    expect(data.yoon.evidence[0].paragraph.index).toBe(9);
    expect(data.yoon.evidence[0].paragraph.text).toBe(articleText.split('\n')[9]);
    expect(data.yoon.evidence[0].paragraph.text).toContain(data.yoon.evidence[0].quote);
  });
});

describe('asserted fact, allegation and expectation', () => {
  const byStatus = async (statuses: string[]) =>
    (
      await ask(
        `query($s: [ClaimStatus!]) {
        claims(filter: { statuses: $s }, first: 100) { totalCount edges { node { key status hedge assertedByArticle attributedTo { entity { key } } } } }
      }`,
        { s: statuses },
      )
    ).claims;

  it('allegations are the two hedged arms claims ("bisa", "dugaan")', async () => {
    const claims = await byStatus(['ALLEGED']);
    expect(claims.totalCount).toBe(2);
    const nodes = claims.edges.map((e: any) => e.node);
    expect(sorted(nodes.map((c: any) => c.key))).toEqual(
      sorted([claimKey('ammunition-for-technology'), claimKey('alleged-russian-ammunition-effort')]),
    );
    expect(sorted(nodes.map((c: any) => c.hedge))).toEqual(['bisa', 'dugaan']);
    expect(nodes.every((c: any) => c.status === 'ALLEGED')).toBe(true);
    // Officials and experts make the first; the observers the second ("Para pengamat mengatakan dugaan…").
    const own = (key: string) => nodes.find((c: any) => c.key === claimKey(key)).assertedByArticle;
    expect(own('ammunition-for-technology')).toBe(false);
    expect(own('alleged-russian-ammunition-effort')).toBe(false);
  });

  it('expectations are Kim’s arrival ("diperkirakan") and what North Korea will seek ("akan")', async () => {
    const claims = await byStatus(['EXPECTED']);
    const nodes = claims.edges.map((e: any) => e.node);
    expect(sorted(nodes.map((c: any) => c.key))).toEqual(
      sorted([claimKey('expected-arrival'), claimKey('weapons-for-aid-and-technology')]),
    );
    expect(sorted(nodes.map((c: any) => c.hedge))).toEqual(['akan', 'diperkirakan']);
  });

  it('asserted facts: the article’s own voice is told apart from a speaker’s', async () => {
    const claims = await byStatus(['ASSERTED']);
    expect(claims.totalCount).toBe(9);
    const nodes = claims.edges.map((e: any) => e.node);
    const own = sorted(nodes.filter((c: any) => c.assertedByArticle).map((c: any) => c.key));
    expect(own).toEqual(
      sorted([
        claimKey('unsc-arms-ban'),
        claimKey('longest-foreign-trip'),
        claimKey('first-foreign-trip-in-four-years'),
        claimKey('deepening-defence-cooperation'),
        claimKey('meeting-arms-deal-concern'),
        claimKey('nk-seeks-high-tech-weapons'),
      ]),
    );
    for (const c of nodes) {
      expect(c.hedge).toBeNull();
      expect(c.assertedByArticle).toBe(c.attributedTo.length === 0);
    }
    const yoon = nodes.find((c: any) => c.key === claimKey('yoon-cooperation-illegal'));
    expect(yoon.attributedTo).toEqual([{ entity: { key: 'person:yoon-suk-yeol' } }]);
  });

  it('statuses combine, and an entity’s claims filter the same way', async () => {
    expect((await byStatus(['ALLEGED', 'EXPECTED'])).totalCount).toBe(4);
    expect((await byStatus([])).totalCount).toBe(13);
    const { entity } = await ask(`{
      entity(key: "country:north-korea") {
        alleged: claims(statuses: [ALLEGED]) { totalCount edges { roles node { key } } }
        all: claims { totalCount }
      }
    }`);
    expect(entity.alleged.totalCount).toBe(2);
    expect(entity.alleged.edges.every((e: any) => e.roles.includes('SUPPLIER'))).toBe(true);
    expect(entity.all.totalCount).toBeGreaterThan(entity.alleged.totalCount);
  });
});

describe('an entity by any of its names, in either language', () => {
  const names: [string, string][] = [
    ['Korea Utara', 'country:north-korea'],
    ['North Korea', 'country:north-korea'],
    ['Korut', 'country:north-korea'],
    ['DPRK', 'country:north-korea'],
    ['Korsel', 'country:south-korea'],
    ['Federasi Rusia', 'country:russia'],
    ['Moskwa', 'place:moscow'],
    ['kantor berita RIA', 'org:ria'],
    ['Perserikatan Bangsa-Bangsa', 'org:united-nations'],
    ['Kim Jong Un', 'person:kim-jong-un'],
    ['Pulau Russky', 'place:russky-island'],
    ['Para pengamat', 'group:observers'],
  ];
  for (const [name, key] of names) {
    it(`"${name}" finds ${key} first`, async () => {
      const { search } = await ask(
        `query($q: String!) { search(query: $q, first: 3) { edges { matchedName node { key } } } }`,
        {
          q: name,
        },
      );
      expect(search.edges[0]?.node.key).toBe(key);
      const folded = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
      expect(folded(search.edges[0].matchedName)).toBe(folded(name));
    });
  }

  it('an entity lists its names in every language', async () => {
    const { entity } = await ask(
      `{ entity(key: "country:north-korea") { labels { lang text } aliases { lang text } idAliases: aliases(lang: "id") { text } } }`,
    );
    expect(entity.labels).toEqual(
      expect.arrayContaining([
        { lang: 'en', text: 'North Korea' },
        { lang: 'id', text: 'Korea Utara' },
      ]),
    );
    expect(entity.aliases).toEqual(
      expect.arrayContaining([
        { lang: 'en', text: 'DPRK' },
        { lang: 'id', text: 'Korut' },
      ]),
    );
    expect(entity.idAliases).toEqual([{ text: 'Korut' }]);
  });
});

describe('places contain one another', () => {
  it('Artyom lies in Primorye and the Russian Far East, which lie in Russia: the country comes last', async () => {
    const { artyom, station } = await ask(`{
      artyom: entity(key: "place:artyom") { ... on Place { containedIn { key type } } }
      station: entity(key: "place:artyom-station") { ... on Place { containedIn { key } eventsHere { edges { node { key } } } } }
    }`);
    expect(artyom.containedIn.map((p: any) => p.key)).toEqual([
      'place:primorye',
      'place:russian-far-east',
      'country:russia',
    ]);
    expect(artyom.containedIn.at(-1).type).toBe('Country');
    expect(station.containedIn.map((p: any) => p.key)).toEqual([
      'place:artyom',
      'place:primorye',
      'place:russian-far-east',
      'country:russia',
    ]);
    expect(sorted(station.eventsHere.edges.map((e: any) => e.node.key))).toEqual(
      sorted([eventKey('farewell-ceremony'), eventKey('train-departure')]),
    );
  });

  it('says which containments a curator added from outside the text: curated, with a note and no evidence', async () => {
    const { artyom } = await ask(`{
      artyom: entity(key: "place:artyom") {
        relations(types: [LOCATED_IN], direction: OUTGOING) { edges { node { to { key } curated note evidence { quote } } } }
      }
    }`);
    const byPlace = Object.fromEntries(artyom.relations.edges.map((e: any) => [e.node.to.key, e.node]));
    expect(byPlace['place:primorye']).toMatchObject({ curated: true, evidence: [] });
    expect(byPlace['place:primorye'].note).toMatch(/^Artyom is a city of Primorsky Krai/);
    expect(byPlace['country:russia']).toEqual({
      to: { key: 'country:russia' },
      curated: false,
      note: null,
      evidence: [{ quote: 'Artyom, kota di timur jauh Rusia' }],
    });
  });

  it('Russia and Primorye list what lies directly in them', async () => {
    const { russia, primorye } = await ask(`{
      russia: entity(key: "country:russia") { ... on Place { containedIn { key } contains { edges { node { key } } } } }
      primorye: entity(key: "place:primorye") { ... on Place { contains { edges { node { key } } } } }
    }`);
    expect(russia.containedIn).toEqual([]);
    expect(sorted(russia.contains.edges.map((e: any) => e.node.key))).toEqual([
      'place:artyom',
      'place:primorye',
      'place:russian-aquarium',
      'place:russian-far-east',
      'place:russky-island',
    ]);
    expect(sorted(primorye.contains.edges.map((e: any) => e.node.key))).toEqual([
      'org:government-of-primorsky-krai',
      'place:artyom',
    ]);
  });
});

describe('the timeline of the visit', () => {
  it('is in date order, each date with its precision and original wording', async () => {
    const { timeline } = await ask(`{
      timeline(entity: "person:kim-jong-un", from: "2023-09") {
        totalCount
        edges { node { sortDate date { start end precision approximate partOfDay original }
          item { __typename ... on Event { key status } ... on Claim { key claimStatus: status } } } }
      }
    }`);
    const entries = timeline.edges.map((e: any) => e.node);
    expect(timeline.totalCount).toBe(entries.length);
    const dates = entries.map((e: any) => e.sortDate);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d: string) => d >= '2023-09-01' && d <= '2023-09-30')).toBe(true);
    const at = (key: string) => entries.find((e: any) => e.item.key === key);
    const index = (key: string) => entries.findIndex((e: any) => e.item.key === key);

    expect(at(eventKey('kim-rule'))).toBeUndefined(); // 2011: before "from"
    expect(at(eventKey('kim-visit-russia')).date).toEqual({
      start: '2023-09-12',
      end: '2023-09-17',
      precision: 'DAY',
      approximate: false,
      partOfDay: null,
      original: 'Selasa lalu',
    });
    expect(at(eventKey('kim-putin-meeting')).date).toMatchObject({ start: '2023-09', precision: 'MONTH' });
    expect(at(eventKey('farewell-ceremony')).date).toMatchObject({ start: '2023-09-17', precision: 'DAY' });
    const arrival = at(eventKey('arrival-pyongyang'));
    expect(arrival.item.status).toBe('EXPECTED');
    expect(arrival.date).toEqual({
      start: '2023-09-18',
      end: null,
      precision: 'DAY',
      approximate: true,
      partOfDay: 'AFTERNOON',
      original: 'sekitar Senin sore',
    });
    expect(index(eventKey('kim-visit-russia'))).toBeLessThan(index(eventKey('farewell-ceremony')));
    expect(index(eventKey('farewell-ceremony'))).toBeLessThan(index(eventKey('arrival-pyongyang')));
    expect(index(eventKey('train-departure'))).toBeLessThan(index(eventKey('arrival-pyongyang')));
    // Undated claims sit at the article's date; the dated expectation sits on its own day.
    expect(at(claimKey('longest-foreign-trip'))).toMatchObject({ sortDate: '2023-09-17', date: null });
    expect(at(claimKey('expected-arrival')).sortDate).toBe('2023-09-18');
  });

  it('a date range cuts both ends; without one, Kim’s rule since 2011 comes first at YEAR precision', async () => {
    const { upTo, all } = await ask(`{
      upTo: timeline(entity: "person:kim-jong-un", from: "2023-09-17", to: "2023-09-17") { edges { node { sortDate } } }
      all: timeline(entity: "person:kim-jong-un", first: 1) { edges { node { date { start precision original } item { ... on Event { key } } } } }
    }`);
    expect(upTo.edges.length).toBeGreaterThan(0);
    expect(upTo.edges.every((e: any) => e.node.sortDate === '2023-09-17')).toBe(true);
    expect(all.edges[0].node).toEqual({
      date: { start: '2011', precision: 'YEAR', original: 'pada akhir 2011' },
      item: { key: eventKey('kim-rule') },
    });
  });
});

describe('the neighbourhood of Kim Jong-un', () => {
  const QUERY = `query($first: Int) {
    neighborhood(key: "person:kim-jong-un", depth: 2, first: $first) {
      truncated
      nodes { id key type category label }
      edges { id source target type role }
    }
  }`;

  it('every edge joins two of the nodes, and every relationship between the nodes is an edge', async () => {
    const { neighborhood } = await ask(QUERY, { first: 200 });
    expect(neighborhood.truncated).toBe(false);
    const ids = neighborhood.nodes.map((n: any) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(neighborhood.nodes[0]).toMatchObject({
      key: 'person:kim-jong-un',
      type: 'Person',
      category: 'Entity',
    });
    for (const e of neighborhood.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    const keys: string[] = neighborhood.nodes.map((n: any) => n.key);
    expect(keys).toEqual(
      expect.arrayContaining(['country:north-korea', eventKey('farewell-ceremony'), 'person:vladimir-putin']),
    );
    // Two hops: Kim -> meeting -> Putin; the farewell ceremony's attendees too.
    expect(keys).toContain('person:alexander-kozlov');
    const [stored] = await graph.cypher(
      `MATCH (a)-[r:PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|DISTANCE_FROM|AT|PART_OF|ABOUT|DISPUTES|CONDEMNS|CITES|SUPPORTS]->(b)
       WHERE a.id IN $keys AND b.id IN $keys RETURN count(r) AS n`,
      { keys },
    );
    expect(neighborhood.edges).toHaveLength(Number(stored?.n));
    expect(new Set(neighborhood.edges.map((e: any) => e.id)).size).toBe(neighborhood.edges.length);
  });

  it('a small `first` keeps that many nodes, centre first, and says it was truncated', async () => {
    const { neighborhood } = await ask(QUERY, { first: 5 });
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.nodes).toHaveLength(5);
    expect(neighborhood.nodes[0].key).toBe('person:kim-jong-un');
    const ids = neighborhood.nodes.map((n: any) => n.id);
    for (const e of neighborhood.edges)
      expect([ids.includes(e.source), ids.includes(e.target)]).toEqual([true, true]);
    const res = await graph.gql(QUERY, { first: 0 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

describe('labels in the language asked for', () => {
  it('lang "id" gives Indonesian; an unknown language falls back to English', async () => {
    const data = await ask(`{
      entity(key: "country:north-korea") { id: label(lang: "id") en: label(lang: "en") xx: label(lang: "xx") default: label }
      event(key: "${eventKey('farewell-ceremony')}") { id: label(lang: "id") xx: label(lang: "zz") }
      neighborhood(key: "country:south-korea", first: 3) { nodes { key id: label(lang: "id") xx: label(lang: "fr") } }
      unsc: entity(key: "org:un-security-council") { label(lang: "id") }
    }`);
    expect(data.entity).toEqual({
      id: 'Korea Utara',
      en: 'North Korea',
      xx: 'North Korea',
      default: 'North Korea',
    });
    expect(data.event).toEqual({
      id: 'Upacara perpisahan Kim Jong-un di Artyom',
      xx: 'Farewell ceremony for Kim Jong-un in Artyom',
    });
    expect(data.neighborhood.nodes[0]).toEqual({
      key: 'country:south-korea',
      id: 'Korea Selatan',
      xx: 'South Korea',
    });
    expect(data.unsc.label).toBe('Dewan Keamanan PBB');
  });
});
