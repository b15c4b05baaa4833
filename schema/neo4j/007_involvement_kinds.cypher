// The statements of one kind an entity takes part in, in time order: where ingestion looks for the
// statement a new report may be the same as. Seeking by kind reads only statements that can be it,
// so a hub's many statements of other kinds neither cost rows nor crowd the right one out of the
// bounded seek. The kind is set with the other keys where statements are derived (statements.ts).
CREATE INDEX participant_kind_involvement IF NOT EXISTS FOR ()-[r:PARTICIPANT]-() ON (r.entityKey, r.statementLabel, r.statementKind, r.statementDate, r.statementKey);
