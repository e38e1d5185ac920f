import en from '../../../messages/areas/reports.en.json';
import vi from '../../../messages/areas/reports.vi.json';
import type { ReportLocale } from './contract';

/** The reports2 messages of a locale, for callers without next-intl (report files, the worker's e-mail). */
export type ReportMessages = (typeof vi)['reports2'];
export type ReportColumnLabels = ReportMessages['columns'];

const bundles = { vi: vi.reports2, en: en.reports2 } satisfies Record<ReportLocale, unknown>;

export function reportMessages(locale: ReportLocale): ReportMessages {
  return bundles[locale];
}
