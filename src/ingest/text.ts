// Offsets in documents and in the graph count Unicode code points, not UTF-16 units, so that
// clients in any language slice the same text the same way.

export const codePoints = (s: string): string[] => Array.from(s);

export const sliceCodePoints = (points: readonly string[], start: number, end: number): string =>
  points.slice(start, end).join('');

/** Lower-case, accents and punctuation removed, spaces collapsed: "Korea  Utara" = "korea utara". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Paragraphs are the article's non-empty lines, with code-point offsets into the whole text. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const length = codePoints(line).length;
    if (line.trim().length > 0) {
      paragraphs.push({ index: paragraphs.length, start: offset, end: offset + length, text: line });
    }
    offset += length + 1;
  }
  return paragraphs;
}

export const CONTEXT_LENGTH = 32;

/** The W3C TextQuoteSelector prefix and suffix around a span. */
export function spanContext(points: readonly string[], start: number, end: number, length = CONTEXT_LENGTH) {
  return {
    prefix: sliceCodePoints(points, Math.max(0, start - length), start),
    suffix: sliceCodePoints(points, end, Math.min(points.length, end + length)),
  };
}
