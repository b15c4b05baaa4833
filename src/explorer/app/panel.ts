// The side panel: what the selected entity, event or claim is, in both languages, with its
// claims, who asserts them and the evidence in the article. A claim's sources are a list, each
// with its own article, attribution, status and quotes, so several reports of one statement fit.
import type { AttributionData, ClaimData, ClaimSummary, EntityData, EventData, EvidenceData } from './api.js';
import { formatDate, h } from './dom.js';
import { articleLine, evidenceBlock } from './evidence.js';

export type Kind = 'Entity' | 'Event' | 'Claim';

export interface Nav {
  open(key: string, kind: Kind): void;
  /** The evidence blocks of a claim, loaded when a reader opens them. */
  evidence(claimKey: string): Promise<HTMLElement[]>;
  focus(key: string): void;
  expand(key: string): void;
}

const LINK_PASSIVE: Record<string, string> = {
  DISPUTES: 'disputed by',
  CONDEMNS: 'condemned by',
  CITES: 'cited by',
  SUPPORTS: 'supported by',
};

const human = (s: string) => s.toLowerCase().replace(/_/g, ' ');

export const statusBadge = (status: string) =>
  h(
    'span',
    { class: `badge status status-${status.toLowerCase()}`, title: `status: ${human(status)}` },
    human(status),
  );

const link = (nav: Nav, key: string, kind: Kind, text: string) =>
  h('button', { type: 'button', class: 'link', 'data-key': key, onclick: () => nav.open(key, kind) }, text);

function names(primary: string, indonesian: string) {
  return h(
    'div',
    { class: 'names' },
    h('h2', { lang: 'en' }, primary),
    indonesian !== primary
      ? h('p', { class: 'alt-name', lang: 'id' }, indonesian, h('small', {}, ' (id)'))
      : null,
  );
}

function claimRow(nav: Nav, c: ClaimSummary, extra?: string) {
  const who = c.attributedTo.length
    ? c.attributedTo.map((a) => `${a.entity.label} (${a.cue})`).join(', ')
    : 'the article itself';
  return h(
    'li',
    { class: 'claim-row' },
    statusBadge(c.status),
    ' ',
    link(nav, c.key, 'Claim', c.summary),
    h(
      'div',
      { class: 'meta' },
      extra ? `${extra} · ` : '',
      c.hedge ? `hedge “${c.hedge}” · ` : '',
      `asserted by ${who}`,
    ),
    lazyEvidence(nav, c.key),
  );
}

/** A closed "Evidence" section that fetches the claim's quotes in their paragraphs when opened. */
function lazyEvidence(nav: Nav, key: string) {
  const body = h('div', { class: 'lazy' }, h('p', { class: 'meta' }, 'Loading…'));
  let loaded = false;
  const details = h(
    'details',
    { class: 'claim-evidence' },
    h('summary', {}, 'Evidence in the article'),
    body,
  );
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    nav.evidence(key).then(
      (blocks) => body.replaceChildren(...blocks),
      (error: Error) => body.replaceChildren(h('p', { class: 'error' }, error.message)),
    );
  });
  return details;
}

export function entityView(nav: Nav, e: EntityData, isFocus: boolean): HTMLElement {
  const aliases = e.aliases.map((a) => `${a.text} (${a.lang})`).join(', ');
  return h(
    'article',
    { class: 'details', 'data-kind': 'Entity', 'data-key': e.key },
    h('p', { class: 'kind' }, e.type),
    names(e.label, e.labelId),
    e.description ? h('p', {}, e.description) : null,
    aliases ? h('p', { class: 'meta' }, `Also: ${aliases}`) : null,
    e.wikidata
      ? h(
          'p',
          { class: 'meta' },
          'Wikidata ',
          h(
            'a',
            {
              href: `https://www.wikidata.org/wiki/${e.wikidata}`,
              rel: 'noopener noreferrer',
              target: '_blank',
            },
            e.wikidata,
          ),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      isFocus ? null : h('button', { type: 'button', onclick: () => nav.focus(e.key) }, 'Focus on it'),
      h('button', { type: 'button', onclick: () => nav.expand(e.key) }, 'Expand its neighbours'),
    ),
    h('h3', {}, `Claims it takes part in (${e.claims.totalCount})`),
    e.claims.edges.length
      ? h(
          'ul',
          { class: 'claims' },
          e.claims.edges.map((x) => claimRow(nav, x.node, x.roles.map(human).join(', '))),
        )
      : h('p', { class: 'meta' }, 'None.'),
    h('h3', {}, `Claims it asserts (${e.assertedClaims.totalCount})`),
    e.assertedClaims.edges.length
      ? h(
          'ul',
          { class: 'claims' },
          e.assertedClaims.edges.map((x) => claimRow(nav, x.node, `says: “${x.cue}”`)),
        )
      : h('p', { class: 'meta' }, 'None.'),
  );
}

function participants(nav: Nav, list: { role: string; entity: { key: string; label: string } }[]) {
  if (list.length === 0) return null;
  return [
    h('h3', {}, 'Participants'),
    h(
      'ul',
      { class: 'plain' },
      list.map((p) =>
        h(
          'li',
          {},
          h('span', { class: 'role' }, human(p.role)),
          ' ',
          link(nav, p.entity.key, 'Entity', p.entity.label),
        ),
      ),
    ),
  ];
}

function attribution(nav: Nav, a: AttributionData) {
  return h('span', {}, link(nav, a.entity.key, 'Entity', a.entity.label), ` — “${a.cue}”`);
}

/** One source of a claim or event: the article, who it is attributed to there, and the quotes. */
function sourceCard(
  nav: Nav,
  s: {
    article: EvidenceData['article'];
    status?: string;
    hedge?: string | null;
    attributions: AttributionData[];
    evidence: EvidenceData[];
    ownVoice: boolean;
  },
) {
  return h(
    'li',
    { class: 'source' },
    h('p', { class: 'source-head' }, articleLine(s.article)),
    s.status ? h('p', {}, statusBadge(s.status), s.hedge ? ` hedge “${s.hedge}”` : ' no hedge word') : null,
    h(
      'p',
      { class: 'meta' },
      'Asserted by ',
      s.attributions.length
        ? s.attributions.flatMap((a, i) => [i ? '; ' : '', attribution(nav, a)])
        : s.ownVoice
          ? 'the article itself'
          : '—',
    ),
    s.evidence.map((e) => evidenceBlock(e)),
    s.attributions.flatMap((a) => a.evidence).length
      ? [
          h('p', { class: 'meta' }, 'Where the attribution is said:'),
          s.attributions.flatMap((a) => a.evidence).map((e) => evidenceBlock(e)),
        ]
      : null,
  );
}

export function claimView(nav: Nav, c: ClaimData): HTMLElement {
  return h(
    'article',
    { class: 'details', 'data-kind': 'Claim', 'data-key': c.key },
    h('p', { class: 'kind' }, `Claim · ${c.kind}`, ' ', statusBadge(c.status)),
    h('h2', { lang: 'en' }, c.summary),
    h('p', { class: 'alt-name', lang: 'id' }, c.wording, h('small', {}, ' (id)')),
    h(
      'p',
      { class: 'meta' },
      c.hedge ? `Hedge: “${c.hedge}”` : 'No hedge word',
      c.time ? ` · ${formatDate(c.time)}` : '',
    ),
    participants(nav, c.participants),
    h('h3', {}, 'Sources'),
    h(
      'ol',
      { class: 'sources' },
      sourceCard(nav, {
        article: c.article,
        status: c.status,
        hedge: c.hedge,
        attributions: c.attributedTo,
        evidence: c.evidence,
        ownVoice: c.assertedByArticle,
      }),
    ),
    c.links.length
      ? [
          h('h3', {}, 'Other claims'),
          h(
            'ul',
            { class: 'plain' },
            c.links.map((l) =>
              h(
                'li',
                {},
                h(
                  'span',
                  { class: 'role' },
                  l.direction === 'OUTGOING' ? human(l.type) : (LINK_PASSIVE[l.type] ?? human(l.type)),
                ),
                ' ',
                statusBadge(l.claim.status),
                ' ',
                link(nav, l.claim.key, 'Claim', l.claim.summary),
              ),
            ),
          ),
        ]
      : null,
  );
}

export function eventView(nav: Nav, e: EventData): HTMLElement {
  return h(
    'article',
    { class: 'details', 'data-kind': 'Event', 'data-key': e.key },
    h('p', { class: 'kind' }, `Event · ${human(e.kind)} · ${human(e.status)}`),
    names(e.label, e.labelId),
    h(
      'p',
      { class: 'meta' },
      e.time
        ? `${formatDate(e.time)} (${human(e.time.precision)} precision${e.time.original ? `: “${e.time.original}”` : ''})`
        : 'No date in the text',
    ),
    e.location ? h('p', {}, 'At ', link(nav, e.location.key, 'Entity', e.location.label)) : null,
    e.partOf ? h('p', {}, 'Part of ', link(nav, e.partOf.key, 'Event', e.partOf.label)) : null,
    participants(nav, e.participants),
    h('h3', {}, 'Sources'),
    h(
      'ol',
      { class: 'sources' },
      sourceCard(nav, {
        article: e.article,
        attributions: e.reportedBy,
        evidence: e.evidence,
        ownVoice: true,
      }),
    ),
    e.claims.edges.length
      ? [
          h('h3', {}, 'Claims about it'),
          h(
            'ul',
            { class: 'plain' },
            e.claims.edges.map((x) =>
              h('li', {}, statusBadge(x.node.status), ' ', link(nav, x.node.key, 'Claim', x.node.summary)),
            ),
          ),
        ]
      : null,
  );
}
