// Turns what an ingestion or a removal reports into the change published on the bus.
import type { IngestReport, RemovalReport } from '../ingest/ingest.js';
import type { EventBus } from './bus.js';

/** Publishes an ingestion that wrote something; an unchanged document is not news. */
export async function publishIngest(bus: EventBus, report: IngestReport, bookmark?: string): Promise<void> {
  if (report.status === 'UNCHANGED') return;
  await bus.publish({
    articleKey: report.articleId,
    action: report.status,
    at: new Date().toISOString(),
    statements: report.changes,
    ...(bookmark ? { bookmark } : {}),
  });
}

export async function publishRemoval(bus: EventBus, report: RemovalReport, bookmark?: string): Promise<void> {
  if (!report.removed) return;
  await bus.publish({
    articleKey: report.articleId,
    action: 'REMOVED',
    at: new Date().toISOString(),
    statements: report.changes,
    ...(bookmark ? { bookmark } : {}),
  });
}
