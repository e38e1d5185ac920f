import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { StationBindingSummary } from './types';

/** Stations with the standards they are bound to; each links to its limits and their derivation. */
export function StationBindingsTable({ stations }: { stations: StationBindingSummary[] }) {
  const t = useTranslations('limitsAdmin');
  const tk = useTranslations('kinds');
  if (stations.length === 0) return <p className="empty">{t('stations.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="limit-stations">
        <thead>
          <tr>
            <th>{t('stations.station')}</th>
            <th>{t('stations.facility')}</th>
            <th>{t('standards.kind')}</th>
            <th>{t('stations.bindings')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {stations.map((s) => (
            <tr key={s.code} data-station={s.code}>
              <td>
                <span className="mono">{s.code}</span>
                <div className="muted small">{s.name}</div>
              </td>
              <td>{s.facilityName}</td>
              <td className="nowrap">{tk(s.kind)}</td>
              <td>{s.bindings.length === 0 ? <span className="muted">{t('stations.unbound')}</span> : s.bindings.map((b) => `${b.standardCode} (${b.column})`).join(', ')}</td>
              <td className="nowrap">
                <Link href={`/admin/limits/stations/${encodeURIComponent(s.code)}`}>{t('stations.open')}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
