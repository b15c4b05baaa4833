// Indexes behind the API's filters and orderings.
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind);
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);
CREATE INDEX claim_sort_date IF NOT EXISTS FOR (n:Claim) ON (n.sortDate);
CREATE INDEX event_sort_date IF NOT EXISTS FOR (n:Event) ON (n.sortDate);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedOn);
// Names in every language, accent- and case-folded, for search and for entity resolution.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
// Relations between entities carry the article that states them; replacing an article finds them here.
CREATE INDEX holds_role_article IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.article);
CREATE INDEX member_of_article IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.article);
CREATE INDEX located_in_article IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.article);
