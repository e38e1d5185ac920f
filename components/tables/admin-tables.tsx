import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { StationKind } from '@/lib/domain/parameters';

type Role = 'admin' | 'operator' | 'inspector' | 'manager' | 'facility';

export type AdminTablesProps = {
  facilities: { code: string; name: string; address: string | null }[];
  stations: { code: string; name: string; fileCode: string; kind: StationKind; facilityCode: string; intervalMinutes: number; enabled: boolean }[];
  users: { email: string; name: string; role: Role; facilityCode: string | null; disabled: boolean }[];
  ftpAccounts: { username: string; facilityCode: string; enabled: boolean }[];
};

function Section({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section>
      <h2>
        {title} <span className="muted small">({count})</span>
      </h2>
      <div className="table-wrap">
        {children}
        {count === 0 && <div className="empty">{empty}</div>}
      </div>
    </section>
  );
}

export function AdminTables({ facilities, stations, users, ftpAccounts }: AdminTablesProps) {
  const t = useTranslations();
  const empty = t('admin.empty');
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <div className="admin-grid">
      <Section title={t('admin.facilities')} count={facilities.length} empty={empty}>
        <table className="data" data-testid="admin-facilities">
          <thead>
            <tr>
              <th>{t('admin.code')}</th>
              <th>{t('admin.name')}</th>
              <th>{t('admin.address')}</th>
            </tr>
          </thead>
          <tbody>
            {facilities.map((f) => (
              <tr key={f.code}>
                <td className="mono">
                  <Link href={`/admin/facilities/${encodeURIComponent(f.code)}`}>{f.code}</Link>
                </td>
                <td>{f.name}</td>
                <td>{f.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('admin.stations')} count={stations.length} empty={empty}>
        <table className="data" data-testid="admin-stations">
          <thead>
            <tr>
              <th>{t('admin.code')}</th>
              <th>{t('admin.name')}</th>
              <th>{t('admin.fileCode')}</th>
              <th>{t('admin.kind')}</th>
              <th>{t('admin.facility')}</th>
              <th className="num">{t('admin.interval')}</th>
              <th>{t('admin.enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((s) => (
              <tr key={s.code}>
                <td className="mono">
                  <Link href={`/admin/stations/${encodeURIComponent(s.code)}`}>{s.code}</Link>
                </td>
                <td>{s.name}</td>
                <td className="mono">{s.fileCode}</td>
                <td>{t(`kinds.${s.kind}`)}</td>
                <td className="mono">{s.facilityCode}</td>
                <td className="num">{s.intervalMinutes}</td>
                <td>{yesNo(s.enabled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('admin.users')} count={users.length} empty={empty}>
        <table className="data" data-testid="admin-users">
          <thead>
            <tr>
              <th>{t('admin.email')}</th>
              <th>{t('admin.name')}</th>
              <th>{t('admin.role')}</th>
              <th>{t('admin.facility')}</th>
              <th>{t('admin.enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.email}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td className="mono">{u.facilityCode ?? ''}</td>
                <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('admin.ftpAccounts')} count={ftpAccounts.length} empty={empty}>
        <table className="data" data-testid="admin-ftp">
          <thead>
            <tr>
              <th>{t('admin.username')}</th>
              <th>{t('admin.facility')}</th>
              <th>{t('admin.enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {ftpAccounts.map((a) => (
              <tr key={a.username}>
                <td className="mono">{a.username}</td>
                <td className="mono">{a.facilityCode}</td>
                <td>{yesNo(a.enabled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
