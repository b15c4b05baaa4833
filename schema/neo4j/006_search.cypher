// Keys as clients write them: an event or claim key without its article is found through the
// reports that carry it (see src/db/queries/vocabulary.ts).
CREATE INDEX report_local_id IF NOT EXISTS FOR (n:Report) ON (n.localId);
// Everything a reader reads, in one index so that one score orders it all: entity names (already
// folded, see 002), claim summaries and wording, event labels and summaries in every language,
// evidence quotes and article titles. The folding analyzer makes case and accents not matter.
CREATE FULLTEXT INDEX text_search IF NOT EXISTS
  FOR (n:Entity|Claim|Event|Evidence|Article)
  ON EACH [n.searchText, n.summary, n.wording, n.labelJson, n.summaryJson, n.quote, n.title]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
