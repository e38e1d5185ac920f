import { describe, expect, it } from 'vitest';
import type { ReadingInsertFate } from '../../db/readings';
import { ingestReason, renderIngestReason } from '../../domain/ingest/reasons';
import type { ParsedReading } from '../../domain/parse-file';
import { decideOutcome } from './ingest-file';

const reading = (line: number): ParsedReading => ({
  line,
  symbol: 'COD',
  parameter: 'COD',
  time: new Date('2024-05-24T03:05:00Z'),
  value: 1,
  unit: 'mg/L',
  deviceStatus: '00',
});
const bad = (line: number) => ({ line, reason: ingestReason('not_a_number', { value: 'x' }) });

describe('decideOutcome: accepted = every line stored, partial = some, rejected = none, duplicate = only repeats', () => {
  it.each<[string, ReadingInsertFate[], number[], string, number, string[], string[]]>([
    ['all new', ['inserted', 'inserted'], [], 'accepted', 2, [], []],
    ['new and exact repeats', ['inserted', 'duplicate'], [], 'accepted', 1, [], []],
    ['new and a bad line', ['inserted'], [2], 'partial', 1, ['lines_rejected'], ['1 of 2 lines rejected']],
    ['new and a conflict', ['inserted', 'conflict'], [], 'partial', 1, ['lines_rejected'], ['1 of 2 lines rejected']],
    ['only exact repeats', ['duplicate', 'duplicate'], [], 'duplicate', 0, ['all_duplicate'], ['every reading was already stored with the same value']],
    ['repeats and a bad line', ['duplicate'], [2], 'duplicate', 0, ['all_duplicate'], ['every reading was already stored with the same value']],
    ['only conflicts', ['conflict'], [], 'rejected', 0, ['all_conflict'], ['every value conflicts with a value already stored; the stored values were kept']],
    ['conflicts and bad lines', ['conflict'], [2], 'rejected', 0, ['no_valid_lines'], ['no valid data lines']],
    ['only bad lines', [], [1, 2], 'rejected', 0, ['no_valid_lines'], ['no valid data lines']],
  ])('%s', (_label, fates, badLines, outcome, inserted, codes, texts) => {
    const parsed = fates.map((_, i) => reading(i + 1));
    const d = decideOutcome(parsed, fates, badLines.map(bad));
    expect(d.outcome).toBe(outcome);
    expect(d.inserted).toBe(inserted);
    expect(d.reasons.map((r) => r.code)).toEqual(codes);
    expect(d.reasons.map(renderIngestReason)).toEqual(texts);
    expect(d.rejectedLines).toHaveLength(badLines.length + fates.filter((f) => f === 'conflict').length);
  });

  it('rejected lines are in line order, conflicts named with the local time', () => {
    const parsed = [reading(3)];
    const d = decideOutcome(parsed, ['conflict'], [bad(1), bad(5)]);
    expect(d.rejectedLines).toEqual([bad(1), { line: 3, reason: { code: 'conflict', params: { parameter: 'COD', time: '20240524100500' } } }, bad(5)]);
    expect(renderIngestReason(d.rejectedLines[1]!.reason)).toBe(
      'conflict: a different value is already stored for COD at 20240524100500; the stored value was kept',
    );
  });
});
