// An entity's statements in time order, read from an index instead of from the entity's every
// relationship: a hub such as Russia takes part in tens of thousands of claims, and its first page
// must cost a page. Each relationship from a statement to an entity carries the entity's key, the
// statement's label, date and key (set where statements are derived, src/db/queries/statements.ts),
// so one index seek on (entity, label) walks them in date order and stops after the page.
CREATE INDEX participant_involvement IF NOT EXISTS FOR ()-[r:PARTICIPANT]-() ON (r.entityKey, r.statementLabel, r.statementDate, r.statementKey);
CREATE INDEX attributed_involvement IF NOT EXISTS FOR ()-[r:ATTRIBUTED_TO]-() ON (r.entityKey, r.statementLabel, r.statementDate, r.statementKey);
CREATE INDEX reported_involvement IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() ON (r.entityKey, r.statementLabel, r.statementDate, r.statementKey);
CREATE INDEX at_involvement IF NOT EXISTS FOR ()-[r:AT]-() ON (r.entityKey, r.statementLabel, r.statementDate, r.statementKey);
// Claims or events of one kind in time order (the claims and events lists filtered by kind).
CREATE INDEX claim_kind_time IF NOT EXISTS FOR (n:Claim) ON (n.kind, n.sortDate, n.id);
CREATE INDEX event_kind_time IF NOT EXISTS FOR (n:Event) ON (n.kind, n.sortDate, n.id);
