import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import { defaultBindingFor } from '@/lib/domain/limits/defaults';
import type { StationBindingSummary } from './types';

/** Stations with the standards they are bound to; each links to its limits and their derivation. */
export function StationBindingsTable({ stations }: { stations: StationBindingSummary[] }) {
  const t = useTranslations('limitsAdmin');
  const tk = useTranslations('kinds');
  const tx = useTranslations('exactness');
  if (stations.length === 0) return <p className="empty">{t('stations.none')}</p>;
  return (
    <DataTable
      testId="limit-stations"
      rows={stations}
      rowKey={(s) => s.code}
      rowProps={(s) => ({ 'data-station': s.code })}
      columns={[
        {
          header: t('stations.station'),
          cell: (s) => (
            <>
              <span className="mono">{s.code}</span>
              <div className="muted small">{s.name}</div>
            </>
          ),
        },
        { header: t('stations.facility'), cell: (s) => s.facilityName },
        { header: t('standards.kind'), className: 'nowrap', cell: (s) => tk(s.kind) },
        {
          header: t('stations.bindings'),
          cell: (s) =>
            s.bindings.length > 0 ? s.bindings.map((b) => `${b.standardCode} (${b.column})`).join(', ') : <UnboundCell kind={s.kind} tx={tx} />,
        },
        { className: 'nowrap', cell: (s) => <Link href={`/admin/limits/stations/${encodeURIComponent(s.code)}`}>{t('stations.open')}</Link> },
      ]}
    />
  );
}

/** No binding: the national standard when the kind has one (QCVN 05 / 08:2023), else what the station still needs. */
function UnboundCell({ kind, tx }: { kind: StationBindingSummary['kind']; tx: ReturnType<typeof useTranslations<'exactness'>> }) {
  const national = defaultBindingFor(kind);
  if (national) return <span className="muted">{tx('nationalDefault', { standard: `${national.standardCode} (${national.columnCode === 'all' ? '–' : national.columnCode})` })}</span>;
  return (
    <span className="badge badge-partial" data-needs-setup="true" title={tx('needsSetupHint')}>
      {tx('needsSetup')}
    </span>
  );
}
