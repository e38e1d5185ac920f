'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { formatDateTime } from '@/lib/domain/time';
import type { StationKind } from '@/lib/domain/parameters';
import type { StationState } from '@/lib/domain/stations/states';
import { StateBadge } from '@/components/ui/badges';

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
      <div className="table-wrap">
        <table className="data" data-testid="stations-table">
          <thead>
            <tr>
              <th>{t('stations.code')}</th>
              <th>{t('stations.name')}</th>
              <th>{t('stations.facility')}</th>
              <th>{t('stations.kind')}</th>
              <th>{t('stations.state')}</th>
              <th>{t('stations.lastFile')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.code} data-station={r.code}>
                <td className="mono">
                  <Link href={`/stations/${encodeURIComponent(r.code)}`}>{r.code}</Link>
                </td>
                <td>{r.name}</td>
                <td>{r.facilityName}</td>
                <td>{t(`kinds.${r.kind}`)}</td>
                <td>
                  <StateBadge state={r.state} />
                </td>
                <td className="nowrap">{r.lastFileAt ? formatDateTime(r.lastFileAt) : t('common.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <div className="empty">{t('stations.empty')}</div>}
      </div>
    </>
  );
}
