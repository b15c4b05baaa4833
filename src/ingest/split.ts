// Undoes a merge: one article's report leaves the statement it joined and becomes a statement of
// its own, with every report kept. The article remembers it, so a new version of the article is
// not merged again by proposal, nor is the report's statement joined back by a later report that
// matches both sides (sameness.ts); an explicit sameAs still merges.
import { createClaims, createEvents } from '../db/queries/ingest.js';
import * as q from '../db/queries/sameness.js';
import type { Database } from '../db/run.js';
import { notFound } from '../errors.js';
import { refreshStatements } from './refresh.js';

export interface SplitReport {
  report: string;
  /** False when the report already stood alone: nothing changed. */
  split: boolean;
  /** The statement it left, by its key afterwards. */
  from: string;
  /** The statement it now is (its own key). */
  to: string;
}

export async function splitReport(db: Database, key: string): Promise<SplitReport> {
  return db.writeTx(async (tx) => {
    const [found] = await tx.run(q.reportToSplit(key));
    if (!found) throw notFound(`no report with key "${key}": give "<article>/<id>" of an event or claim`);
    if (found.reports <= 1) return { report: key, split: false, from: found.statement, to: found.statement };
    await tx.run(q.detachReport(key));
    // The statement left behind first: when the report gave it its key, it takes the next report's.
    const left = await refreshStatements(tx, [{ id: found.statement, of: found.of }]);
    const row = { id: key, kind: found.kind };
    await tx.run(
      found.of === 'Event'
        ? createEvents([row])
        : // The kind of a claim report is one of the vocabulary's: it was validated when ingested.
          createClaims(found.kind as Parameters<typeof createClaims>[0], [row]),
    );
    const own = await refreshStatements(tx, [{ id: key, of: found.of }]);
    return {
      report: key,
      split: true,
      from: left.keys[0]?.to ?? found.statement,
      to: own.keys[0]?.to ?? key,
    };
  });
}
