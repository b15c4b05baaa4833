// Which row fields a compiled request projects for a selection (rowFieldsFor): what its fields
// read, and the whole row as soon as one field's needs are not known.
import { describe, expect, it } from 'vitest';
import { rowFieldsFor } from '../../src/db/queries/rows.js';

describe('rowFieldsFor', () => {
  it('projects the type and id, and what each selected field reads', () => {
    expect(
      [...(rowFieldsFor('Claim', ['key', 'summary', 'participants', '__typename']) ?? [])].sort(),
    ).toEqual(['__type', 'id', 'summary']);
    expect([...(rowFieldsFor('Entity', ['label']) ?? [])].sort()).toEqual([
      '__type',
      'id',
      'label',
      'labelsJson',
    ]);
  });

  it('projects the whole row when a selected field is not known to read only some of it', () => {
    expect(rowFieldsFor('Claim', ['key', 'aFieldAddedLater'])).toBeUndefined();
    expect(rowFieldsFor('Entity', ['key', 'contains'])).toBeUndefined();
  });

  it('projects whole rows of labels it has no table for', () => {
    expect(rowFieldsFor('Article', ['title'])).toBeUndefined();
  });
});
