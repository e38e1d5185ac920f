import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { StationKind } from '@/lib/domain/parameters';
import { DataTable } from '@/components/ui/data-table';

type Role = 'admin' | 'operator' | 'inspector' | 'manager' | 'facility';

export type AdminTablesProps = {
  facilities: { code: string; name: string; address: string | null }[];
  stations: { code: string; name: string; fileCode: string; kind: StationKind; facilityCode: string; intervalMinutes: number; enabled: boolean }[];
  users: { email: string; name: string; role: Role; facilityCode: string | null; disabled: boolean }[];
  ftpAccounts: { username: string; facilityCode: string; enabled: boolean }[];
};

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section>
      <h2>
        {title} <span className="muted small">({count})</span>
      </h2>
      {children}
    </section>
  );
}

export function AdminTables({ facilities, stations, users, ftpAccounts }: AdminTablesProps) {
  const t = useTranslations();
  const empty = t('admin.empty');
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <div className="admin-grid">
      <Section title={t('admin.facilities')} count={facilities.length}>
        <DataTable
          testId="admin-facilities"
          rows={facilities}
          rowKey={(f) => f.code}
          empty={empty}
          columns={[
            { header: t('admin.code'), className: 'mono', cell: (f) => <Link href={`/admin/facilities/${encodeURIComponent(f.code)}`}>{f.code}</Link> },
            { header: t('admin.name'), cell: (f) => f.name },
            { header: t('admin.address'), cell: (f) => f.address ?? '' },
          ]}
        />
      </Section>
      <Section title={t('admin.stations')} count={stations.length}>
        <DataTable
          testId="admin-stations"
          rows={stations}
          rowKey={(s) => s.code}
          empty={empty}
          columns={[
            { header: t('admin.code'), className: 'mono', cell: (s) => <Link href={`/admin/stations/${encodeURIComponent(s.code)}`}>{s.code}</Link> },
            { header: t('admin.name'), cell: (s) => s.name },
            { header: t('admin.fileCode'), className: 'mono', cell: (s) => s.fileCode },
            { header: t('admin.kind'), cell: (s) => t(`kinds.${s.kind}`) },
            { header: t('admin.facility'), className: 'mono', cell: (s) => s.facilityCode },
            { header: t('admin.interval'), num: true, cell: (s) => s.intervalMinutes },
            { header: t('admin.enabled'), cell: (s) => yesNo(s.enabled) },
          ]}
        />
      </Section>
      <Section title={t('admin.users')} count={users.length}>
        <DataTable
          testId="admin-users"
          rows={users}
          rowKey={(u) => u.email}
          empty={empty}
          columns={[
            { header: t('admin.email'), cell: (u) => u.email },
            { header: t('admin.name'), cell: (u) => u.name },
            { header: t('admin.role'), cell: (u) => t(`roles.${u.role}`) },
            { header: t('admin.facility'), className: 'mono', cell: (u) => u.facilityCode ?? '' },
            { header: t('admin.enabled'), cell: (u) => (u.disabled ? t('admin.disabled') : t('admin.active')) },
          ]}
        />
      </Section>
      <Section title={t('admin.ftpAccounts')} count={ftpAccounts.length}>
        <DataTable
          testId="admin-ftp"
          rows={ftpAccounts}
          rowKey={(a) => a.username}
          empty={empty}
          columns={[
            { header: t('admin.username'), className: 'mono', cell: (a) => a.username },
            { header: t('admin.facility'), className: 'mono', cell: (a) => a.facilityCode },
            { header: t('admin.enabled'), cell: (a) => yesNo(a.enabled) },
          ]}
        />
      </Section>
    </div>
  );
}
