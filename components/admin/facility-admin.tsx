import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatDate } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { ActionForm } from './action-form';
import styles from './admin.module.css';
import type { AdminFormAction } from './types';

export type FacilityAdminRow = {
  code: string;
  name: string;
  address: string | null;
  province: string | null;
  contactEmail: string | null;
  active: boolean;
  createdAt: string;
  stationCount: number;
  userCount: number;
  ftpAccountCount: number;
};

export function ActiveBadge({ active }: { active: boolean }) {
  const t = useTranslations('adminArea');
  return <span className={`badge ${active ? 'badge-accepted' : 'badge-neutral'}`}>{active ? t('active') : t('inactive')}</span>;
}

export function FacilityTable({ facilities }: { facilities: FacilityAdminRow[] }) {
  const t = useTranslations('adminArea');
  return (
    <DataTable
      testId="admin-facility-table"
      rows={facilities}
      rowKey={(f) => f.code}
      rowProps={(f) => ({ 'data-facility': f.code })}
      empty={t('empty')}
      columns={[
        { header: t('fields.code'), className: 'mono', cell: (f) => <Link href={`/admin/facilities/${encodeURIComponent(f.code)}`}>{f.code}</Link> },
        { header: t('fields.name'), cell: (f) => f.name },
        { header: t('fields.province'), cell: (f) => f.province ?? '' },
        { header: t('fields.contactEmail'), cell: (f) => f.contactEmail ?? '' },
        { header: t('facilities.stations'), num: true, cell: (f) => f.stationCount },
        { header: t('facilities.users'), num: true, cell: (f) => f.userCount },
        { header: t('facilities.ftp'), num: true, cell: (f) => f.ftpAccountCount },
        { header: t('fields.status'), cell: (f) => <ActiveBadge active={f.active} /> },
        { header: t('fields.createdAt'), className: 'nowrap', cell: (f) => formatDate(f.createdAt) },
      ]}
    />
  );
}

/** Name, address, province and contact e-mail; the code only when creating (it never changes afterwards). */
function FacilityFields({ facility }: { facility?: FacilityAdminRow }) {
  const t = useTranslations('adminArea');
  return (
    <>
      {facility ? (
        <input type="hidden" name="code" value={facility.code} />
      ) : (
        <label>
          {t('fields.code')}
          <input className="input mono" name="code" required maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*" />
          <span className="muted small">{t('facilities.codeHint')}</span>
        </label>
      )}
      <label>
        {t('fields.name')}
        <input className="input" name="name" required maxLength={200} defaultValue={facility?.name} />
      </label>
      <label>
        {t('fields.address')}
        <input className="input" name="address" maxLength={500} defaultValue={facility?.address ?? ''} />
      </label>
      <label>
        {t('fields.province')}
        <input className="input" name="province" maxLength={100} defaultValue={facility?.province ?? ''} />
      </label>
      <label>
        {t('fields.contactEmail')}
        <input className="input" name="contactEmail" type="email" maxLength={254} defaultValue={facility?.contactEmail ?? ''} />
      </label>
    </>
  );
}

export function FacilityCreateForm({ action }: { action: AdminFormAction }) {
  const t = useTranslations('adminArea');
  return (
    <ActionForm action={action} submitLabel={t('create')} okText={t('saved')} testId="facility-create-form">
      <FacilityFields />
    </ActionForm>
  );
}

export function FacilityEditForm({ facility, action }: { facility: FacilityAdminRow; action: AdminFormAction }) {
  const t = useTranslations('adminArea');
  return (
    <ActionForm action={action} submitLabel={t('save')} okText={t('saved')} testId="facility-edit-form">
      <label>
        {t('fields.code')}
        <input className="input mono" value={facility.code} readOnly disabled />
        <span className="muted small">{t('facilities.codeFixed')}</span>
      </label>
      <FacilityFields facility={facility} />
    </ActionForm>
  );
}

export function FacilityActiveForm({ facility, action }: { facility: FacilityAdminRow; action: AdminFormAction }) {
  const t = useTranslations('adminArea');
  return (
    <div>
      <p className="muted">{facility.active ? t('facilities.deactivateHint') : t('facilities.reactivateHint')}</p>
      <ActionForm
        action={action}
        layout="inline"
        danger={facility.active}
        submitLabel={facility.active ? t('facilities.deactivate') : t('facilities.reactivate')}
        okText={t('saved')}
        confirmText={facility.active ? t('facilities.deactivateConfirm', { code: facility.code }) : undefined}
        testId="facility-active-form"
      >
        <input type="hidden" name="code" value={facility.code} />
        <input type="hidden" name="active" value={facility.active ? 'false' : 'true'} />
      </ActionForm>
      <p className={styles.inline}>
        <Link href={`/admin/stations?facility=${encodeURIComponent(facility.code)}`}>{t('facilities.seeStations')}</Link>
        <Link href={`/admin/ftp?facility=${encodeURIComponent(facility.code)}`}>{t('facilities.seeFtp')}</Link>
        <Link href={`/admin/audit?entity=facility&entityId=${encodeURIComponent(facility.code)}`}>{t('facilities.seeAudit')}</Link>
      </p>
    </div>
  );
}
