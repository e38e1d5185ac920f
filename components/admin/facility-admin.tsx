import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatDate } from '@/lib/domain/time';
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
    <div className="table-wrap">
      <table className="data" data-testid="admin-facility-table">
        <thead>
          <tr>
            <th>{t('fields.code')}</th>
            <th>{t('fields.name')}</th>
            <th>{t('fields.province')}</th>
            <th>{t('fields.contactEmail')}</th>
            <th className="num">{t('facilities.stations')}</th>
            <th className="num">{t('facilities.users')}</th>
            <th className="num">{t('facilities.ftp')}</th>
            <th>{t('fields.status')}</th>
            <th>{t('fields.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {facilities.map((f) => (
            <tr key={f.code} data-facility={f.code}>
              <td className="mono">
                <Link href={`/admin/facilities/${encodeURIComponent(f.code)}`}>{f.code}</Link>
              </td>
              <td>{f.name}</td>
              <td>{f.province ?? ''}</td>
              <td>{f.contactEmail ?? ''}</td>
              <td className="num">{f.stationCount}</td>
              <td className="num">{f.userCount}</td>
              <td className="num">{f.ftpAccountCount}</td>
              <td>
                <ActiveBadge active={f.active} />
              </td>
              <td className="nowrap">{formatDate(f.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {facilities.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
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
