// Every fact of an article document beside the quotes that support it, as plain text, so that a
// person can check an article's extraction against its text in one read (npm run review -- FILE).
import type {
  ArticleDocument,
  ClaimDoc,
  EntityDoc,
  EventDoc,
  EvidenceSpan,
  PartialDate,
  RelationDoc,
} from './document.js';
import { IngestError } from './errors.js';
import { readDocumentFile } from './read.js';
import { splitParagraphs } from './text.js';
import { validateDocument } from './validate.js';

type Attribution = ClaimDoc['attributedTo'][number];
type Participant = ClaimDoc['participants'][number];

/** Reads, validates and reviews a document file; throws IngestError naming every problem. */
export async function reviewFile(file: string): Promise<string> {
  const v = validateDocument(await readDocumentFile(file));
  if (!v.ok) throw new IngestError(v.problems);
  return reviewDocument(v.doc);
}

export function reviewDocument(doc: ArticleDocument): string {
  const paragraphs = splitParagraphs(doc.article.text);
  const names = new Map(doc.entities.map((e) => [e.id, e.labels.en]));
  const claimsById = new Map(doc.claims.map((c) => [c.id, c]));
  const name = (id: string) => `${names.get(id) ?? '?'} (${id})`;

  /** A quote with where it stands: its paragraph (1-based) and its code-point offsets. */
  const where = (s: EvidenceSpan) => {
    const p = paragraphs.find((x) => s.start >= x.start && s.start < x.end);
    return `¶${p ? p.index + 1 : '?'} [${s.start}, ${s.end})`;
  };
  const quote = (s: EvidenceSpan) => `«${s.quote}»  ${where(s)}`;
  const quotes = (spans: readonly EvidenceSpan[] | undefined, indent: string, none = 'NO EVIDENCE') =>
    spans && spans.length > 0 ? spans.map((s) => `${indent}${quote(s)}`) : [`${indent}(${none})`];
  const manner = (m: { kind: string; wording: string } | undefined) =>
    m ? `, manner ${m.kind} "${m.wording}"` : '';
  const participant = (p: Participant) => `    ${p.role}: ${name(p.entity)}${manner(p.manner)}`;
  const attribution = (a: Attribution, indent: string) => [
    `${indent}${name(a.entity)}, cue "${a.cue}"${manner(a.manner)}`,
    ...(a.evidence ? quotes(a.evidence, `${indent}  `) : []),
  ];

  const out: string[] = [];
  const section = (title: string, count: number) => out.push('', `== ${title} (${count}) ==`);

  const a = doc.article;
  out.push(`ARTICLE ${a.id} (${a.language}), published ${a.publishedOn}`);
  if (a.title) out.push(`  title: ${a.title}`);
  if (a.outlet) out.push(`  outlet: ${a.outlet}`);
  if (a.dateline) out.push(`  dateline: ${a.dateline}`);
  if (a.photo?.caption) out.push(`  photo caption: ${quote(a.photo.caption)}`);
  if (a.photo?.credit) out.push(`  photo credit: ${a.photo.credit}`);
  for (const r of a.related) out.push(`  related: ${r.title}${r.url ? ` <${r.url}>` : ''}`);
  out.push(`  text: ${[...a.text].length} code points in ${paragraphs.length} paragraphs`);

  section('ENTITIES', doc.entities.length);
  for (const e of doc.entities) out.push(...entity(e));

  section('RELATIONS', doc.relations.length);
  for (const r of doc.relations) out.push(...relation(r));

  section('EVENTS', doc.events.length);
  for (const e of doc.events) out.push(...event(e));

  section('CLAIMS', doc.claims.length);
  for (const c of doc.claims) out.push(...claim(c));

  const links = doc.claims.flatMap((c) => c.links.map((l) => ({ from: c, ...l })));
  section('CLAIM LINKS', links.length);
  for (const l of links) {
    const to = claimsById.get(l.claim);
    out.push(`- ${l.from.id} ${l.type} ${l.claim}`);
    out.push(`    from: ${l.from.summary}`, ...quotes(l.from.evidence, '      '));
    out.push(`    to:   ${to?.summary ?? '?'}`, ...quotes(to?.evidence, '      '));
  }
  return `${out.join('\n')}\n`;

  function entity(e: EntityDoc): string[] {
    const lines = [
      `- ${e.labels.en} / ${e.labels.id} (${e.id}, ${e.type}${e.wikidata ? `, ${e.wikidata}` : ''})`,
    ];
    const aliases = Object.entries(e.aliases ?? {}).flatMap(([lang, list]) =>
      list.map((x) => `${x} [${lang}]`),
    );
    if (aliases.length > 0) lines.push(`    aliases: ${aliases.join('; ')}`);
    if (e.description) lines.push(`    description: ${e.description.en}`);
    if (e.mentions.length === 0) lines.push('    mentions: none in the text');
    // One line per surface form: a name mentioned twelve times is one line, not twelve.
    const forms = new Map<string, EvidenceSpan[]>();
    for (const m of e.mentions) forms.set(m.quote, [...(forms.get(m.quote) ?? []), m]);
    for (const [form, spans] of forms) {
      lines.push(`    mentioned as «${form}» ×${spans.length}: ${spans.map(where).join(', ')}`);
    }
    return lines;
  }

  function relation(r: RelationDoc): string[] {
    const lines = [`- ${name(r.from)} ${r.type} ${name(r.to)}`];
    if (r.title) lines.push(`    title: ${r.title.en}${r.title.id ? ` / ${r.title.id}` : ''}`);
    if (r.role) lines.push(`    role: ${r.role.en}${r.role.id ? ` / ${r.role.id}` : ''}`);
    if (r.since) lines.push(`    since: ${date(r.since)}`);
    const d = r.distance;
    if (d)
      lines.push(
        `    distance: ${d.bound ? `${d.bound.toLowerCase().replace('_', ' ')} ` : d.approximate ? 'about ' : ''}${d.value} ${d.unit} from ${d.measuredFrom.en} "${d.wording}"`,
      );
    if (r.curated) lines.push(`    CURATED, from outside the text${r.note ? `: ${r.note}` : ''}`);
    else lines.push('    evidence:', ...quotes(r.evidence, '      '));
    return lines;
  }

  function event(e: EventDoc): string[] {
    const lines = [`- ${e.label.en} (${e.id}, ${e.kind}, ${e.status})`];
    if (e.summary) lines.push(`    summary: ${e.summary.en}`);
    if (e.time) lines.push(`    time: ${date(e.time)}`);
    if (e.location) lines.push(`    at: ${name(e.location)}`);
    if (e.partOf) lines.push(`    part of: ${e.partOf}`);
    for (const p of e.participants) lines.push(participant(p));
    if (e.reportedBy.length > 0) lines.push('    reported by:');
    for (const r of e.reportedBy) lines.push(...attribution(r, '      '));
    lines.push('    evidence:', ...quotes(e.evidence, '      '));
    return lines;
  }

  function claim(c: ClaimDoc): string[] {
    const lines = [
      `- ${c.summary}`,
      `    ${c.id}, ${c.kind}, ${c.status}${c.hedge ? ` (hedge "${c.hedge}")` : ''}`,
    ];
    lines.push(`    wording: ${c.wording}`);
    if (c.time) lines.push(`    time: ${date(c.time)}`);
    for (const p of c.participants) lines.push(participant(p));
    if (c.about.length > 0) lines.push(`    about: ${c.about.join(', ')}`);
    if (c.attributedTo.length === 0) lines.push('    attributed to: nobody (the article’s own voice)');
    else lines.push('    attributed to:');
    for (const x of c.attributedTo) lines.push(...attribution(x, '      '));
    for (const l of c.links) lines.push(`    ${l.type} ${l.claim}`);
    lines.push('    evidence:', ...quotes(c.evidence, '      '));
    return lines;
  }
}

function date(d: PartialDate): string {
  const range = d.end && d.end !== d.start ? `${d.start} to ${d.end}` : d.start;
  const extra = [d.precision, d.partOfDay, d.approximate ? 'approximate' : undefined].filter(Boolean);
  return `${range} (${extra.join(', ')}) from "${d.original}"`;
}
