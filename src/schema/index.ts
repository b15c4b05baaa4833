// Assembles the schema from the type files; printSchema output is sorted so diffs stay readable.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder, registerNodeTypes } from './builder.js';
import './types/common.js';
import './types/article.js';
import './types/paragraph.js';
import './types/evidence.js';
import './types/entity.js';
import './types/place.js';
import './types/relation.js';
import './types/event.js';
import './types/claim.js';
import './types/search.js';
import './types/text-search.js';
import './types/drawing.js';
import './types/neighborhood.js';
import './types/path.js';
import './types/timeline.js';
import './types/ingest.js';
import './types/sameness.js';
import './types/report.js';
import './types/dispute.js';
import './types/node.js';
import './types/vocabulary.js';
import './types/changes.js';

builder.queryType({
  description: 'Everything the graph answers: articles, entities, events, claims and how they connect.',
});

export const schema = builder.toSchema({ sortSchema: true });
registerNodeTypes(schema);

export const printSortedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
