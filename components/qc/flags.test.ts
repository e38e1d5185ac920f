import { describe, expect, it } from 'vitest';
import { QC_FLAG_NAMES } from '@/lib/domain/qc-flags';
import { enMessages, viMessages } from '@/messages';
import { QC_CHART_FLAGS, QC_FLAG_COLORS } from './flags';
import { READING_REASON_KEYS } from './reasons';

describe('QC flags on screen come from the one list of lib/domain/qc-flags.ts', () => {
  it('the chart shows every flag once, each with a colour', () => {
    expect([...QC_CHART_FLAGS].sort()).toEqual([...QC_FLAG_NAMES].sort());
    for (const f of QC_FLAG_NAMES) expect(QC_FLAG_COLORS[f]).toMatch(/^#[0-9A-F]{6}$/);
  });

  it.each([
    ['vi', viMessages],
    ['en', enMessages],
  ] as const)('%s: every reading reason has a label, and no label is left without a reason', (_locale, m) => {
    expect(Object.keys(m.qc.reasons).sort()).toEqual([...READING_REASON_KEYS].sort());
  });
});
