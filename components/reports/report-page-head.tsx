import { useTranslations } from 'next-intl';
import { PageHead } from '@/components/ui/page-head';
import { ReportTabs, type ReportTab } from './report-tabs';

/**
 * The top of every report tab: the reports title and intro, the tabs, this tab's title and intro, and the message about
 * invalid form fields (`invalidText` replaces the default "invalid: fields" text).
 */
export function ReportPageHead({
  active,
  title,
  intro,
  invalid = [],
  invalidText,
}: {
  active: ReportTab;
  title: string;
  intro: string;
  invalid?: readonly string[];
  invalidText?: string;
}) {
  const t = useTranslations('reports');
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      <ReportTabs active={active} />
      <h2>{title}</h2>
      <p className="muted">{intro}</p>
      {invalid.length > 0 && (
        <p className="form-error" role="status">
          {invalidText ?? t('invalid', { fields: invalid.join(', ') })}
        </p>
      )}
    </>
  );
}
