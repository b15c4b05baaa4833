// Keys as clients write them: an event or claim key without its article is found through the
// reports that carry it (see src/db/queries/vocabulary.ts).
CREATE INDEX report_local_id IF NOT EXISTS FOR (n:Report) ON (n.localId);
// Everything a reader reads, in one index so that one score orders it all: entity names (already
// folded, see 002), claim summaries and wording, event labels and summaries in every language (as
// plain text in searchText: the JSON of their maps would make "en" and "id" words of every event),
// evidence quotes and article titles. The folding analyzer makes case and accents not matter.
// It replaces text_search, which read the events' JSON.
DROP INDEX text_search IF EXISTS;
CREATE FULLTEXT INDEX reading_text IF NOT EXISTS
  FOR (n:Entity|Claim|Event|Evidence|Article)
  ON EACH [n.searchText, n.summary, n.wording, n.quote, n.title]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
