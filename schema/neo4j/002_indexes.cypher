// Indexes behind the API's filters and orderings.
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind);
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);
CREATE INDEX claim_sort_date IF NOT EXISTS FOR (n:Claim) ON (n.sortDate);
CREATE INDEX event_sort_date IF NOT EXISTS FOR (n:Event) ON (n.sortDate);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedOn);
// Names in every language, for search and for entity resolution. searchText holds the names
// already folded for case, accents and punctuation (src/ingest/text.ts nameKey), so the analyzer
// only splits words; it keeps stop words, because "AS" (Amerika Serikat) is a name.
CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
// Relations between entities carry the article that states them; replacing an article finds them here.
CREATE INDEX holds_role_article IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.article);
CREATE INDEX member_of_article IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.article);
CREATE INDEX located_in_article IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.article);
CREATE INDEX distance_from_article IF NOT EXISTS FOR ()-[r:DISTANCE_FROM]-() ON (r.article);
