'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { formatDateTime } from '@/lib/domain/time';
import type { StationKind } from '@/lib/domain/parameters';
import type { StationState } from '@/lib/domain/stations/states';
import { StateBadge } from '@/components/ui/badges';
import { DataTable } from '@/components/ui/data-table';

export type StationTableRow = {
  code: string;
  name: string;
  facilityName: string;
  kind: StationKind;
  state: StationState;
  lastFileAt: string | null;
};

function normalize(s: string): string {
  // Case- and accent-insensitive, so "bac ninh" finds "Bắc Ninh".
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function StationTable({ rows }: { rows: StationTableRow[] }) {
  const t = useTranslations();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = normalize(filter.trim());
    if (!q) return rows;
    return rows.filter((r) =>
      normalize(`${r.code} ${r.name} ${r.facilityName} ${t(`kinds.${r.kind}`)} ${t(`states.${r.state}`)}`).includes(q),
    );
  }, [rows, filter, t]);

  return (
    <>
      <div className="toolbar">
        <input
          className="input"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('stations.filter')}
          aria-label={t('stations.filter')}
        />
        <span className="muted small">{t('stations.count', { shown: shown.length, total: rows.length })}</span>
      </div>
      <DataTable
        testId="stations-table"
        rows={shown}
        rowKey={(r) => r.code}
        rowProps={(r) => ({ 'data-station': r.code })}
        empty={t('stations.empty')}
        columns={[
          { header: t('stations.code'), className: 'mono', cell: (r) => <Link href={`/stations/${encodeURIComponent(r.code)}`}>{r.code}</Link> },
          { header: t('stations.name'), cell: (r) => r.name },
          { header: t('stations.facility'), cell: (r) => r.facilityName },
          { header: t('stations.kind'), cell: (r) => t(`kinds.${r.kind}`) },
          { header: t('stations.state'), cell: (r) => <StateBadge state={r.state} /> },
          { header: t('stations.lastFile'), className: 'nowrap', cell: (r) => (r.lastFileAt ? formatDateTime(r.lastFileAt) : t('common.never')) },
        ]}
      />
    </>
  );
}
