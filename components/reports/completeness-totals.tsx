import { useTranslations } from 'next-intl';
import { CompletenessTotals, type CompletenessTotalView } from './completeness-table';

/** The totals of the completeness report: province (staff only), facilities, stations — on screen and in print. */
export function CompletenessTotalsSet({
  report,
  showProvince,
}: {
  report: {
    province: Omit<CompletenessTotalView, 'label'>;
    facilityTotals: CompletenessTotalView[];
    stationTotals: CompletenessTotalView[];
  };
  showProvince: boolean;
}) {
  const t = useTranslations('reports.completeness');
  return (
    <>
      {showProvince && (
        <CompletenessTotals
          title={t('province')}
          rows={[{ ...report.province, label: t('provinceRow') }]}
          testId="completeness-province"
        />
      )}
      <CompletenessTotals title={t('facilities')} rows={report.facilityTotals} testId="completeness-facilities" />
      <CompletenessTotals title={t('stations')} rows={report.stationTotals} testId="completeness-stations" />
    </>
  );
}
