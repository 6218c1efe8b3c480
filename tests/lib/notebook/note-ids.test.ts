import { describe, expect, it } from 'vitest';
import { safeId } from '../../../lib/util/guards';
import { noteIdOf, phaseNoteId, takeHomeNoteId } from '../../../lib/notebook/note-ids';

describe('noteIdOf', () => {
  it.each<[readonly string[], string]>([
    [['n', 'meeting-0001', 'analysis'], 'n-meeting-0001-analysis'],
    [['t', 'meet ing/0001'], 't-meeting0001'],
    [['n', 'één:twee', 'fase_1'], 'n-ntwee-fase_1'],
    [['n', 'm'.repeat(70)], `n-${'m'.repeat(62)}`],
  ])('makes %j into %s', (parts, id) => {
    expect(noteIdOf(...parts)).toBe(id);
  });
});

describe('note ids of a meeting', () => {
  it('gives every phase of a meeting its own note, and the take-home another', () => {
    const ids = [
      phaseNoteId('meeting-0001', 'analysis'),
      phaseNoteId('meeting-0001', 'advice'),
      phaseNoteId('meeting-0002', 'analysis'),
      takeHomeNoteId('meeting-0001'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same place the same id, so that writing there again replaces the note', () => {
    expect(phaseNoteId('meeting-0001', 'analysis')).toBe(phaseNoteId('meeting-0001', 'analysis'));
    expect(takeHomeNoteId('meeting-0001')).toBe(takeHomeNoteId('meeting-0001'));
  });

  it('makes ids that the notebook accepts, even from a long meeting id', () => {
    const long = 'm'.repeat(64);
    for (const id of [phaseNoteId(long, 'look-back'), takeHomeNoteId(long)]) {
      expect(safeId(id), id).toBe(id);
    }
  });
});
