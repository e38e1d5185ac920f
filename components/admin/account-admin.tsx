import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/format';
import { ActionForm } from './action-form';
import { ActiveBadge } from './facility-admin';
import { ROLE_VALUES, type AdminFormAction, type FacilityOption, type RoleValue } from './types';

export type UserAdminRow = {
  id: number;
  email: string;
  name: string;
  role: RoleValue;
  facilityCode: string | null;
  active: boolean;
  createdAt: string;
  isSelf: boolean;
};
export type FtpAdminRow = { id: number; username: string; facilityCode: string; enabled: boolean; createdAt: string };
export type TokenAdminRow = {
  id: number;
  name: string;
  prefix: string;
  role: RoleValue;
  facilityCode: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function RoleSelect({ value }: { value?: RoleValue }) {
  const tr = useTranslations('roles');
  const t = useTranslations('adminArea');
  return (
    <select className="input" name="role" required defaultValue={value ?? ''} aria-label={t('fields.role')}>
      {!value && (
        <option value="" disabled>
          {t('choose')}
        </option>
      )}
      {ROLE_VALUES.map((r) => (
        <option key={r} value={r}>
          {tr(r)}
        </option>
      ))}
    </select>
  );
}

function FacilitySelect({ facilities, value, required }: { facilities: FacilityOption[]; value?: string | null; required?: boolean }) {
  const t = useTranslations('adminArea');
  return (
    <select className="input" name="facilityCode" defaultValue={value ?? ''} required={required} aria-label={t('fields.facility')}>
      <option value="">{required ? t('choose') : t('noFacility')}</option>
      {facilities
        .filter((f) => f.active || f.code === value)
        .map((f) => (
          <option key={f.code} value={f.code}>
            {f.code} — {f.name}
          </option>
        ))}
    </select>
  );
}

// ── users ──

export function UserCreateForm({ action, facilities }: { action: AdminFormAction; facilities: FacilityOption[] }) {
  const t = useTranslations('adminArea');
  return (
    <ActionForm action={action} submitLabel={t('create')} okText={t('users.created')} testId="user-create-form">
      <label>
        {t('fields.email')}
        <input className="input" name="email" type="email" required maxLength={254} autoComplete="off" />
      </label>
      <label>
        {t('fields.name')}
        <input className="input" name="name" required maxLength={200} />
      </label>
      <label>
        {t('fields.role')}
        <RoleSelect />
      </label>
      <label>
        {t('fields.facility')}
        <FacilitySelect facilities={facilities} />
        <span className="muted small">{t('users.facilityHint')}</span>
      </label>
    </ActionForm>
  );
}

export function UserTable({
  users,
  facilities,
  changeRole,
  resetPassword,
  setActive,
}: {
  users: UserAdminRow[];
  facilities: FacilityOption[];
  changeRole: AdminFormAction;
  resetPassword: AdminFormAction;
  setActive: AdminFormAction;
}) {
  const t = useTranslations('adminArea');
  const tr = useTranslations('roles');
  return (
    <div className="table-wrap">
      <table className="data" data-testid="admin-user-table">
        <thead>
          <tr>
            <th>{t('fields.email')}</th>
            <th>{t('fields.name')}</th>
            <th>{t('users.roleAndFacility')}</th>
            <th>{t('fields.status')}</th>
            <th>{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <td>
                {u.email} {u.isSelf && <span className="muted small">({t('users.you')})</span>}
              </td>
              <td>{u.name}</td>
              <td>
                {u.isSelf ? (
                  <span>{tr(u.role)}</span>
                ) : (
                  <ActionForm action={changeRole} layout="inline" submitLabel={t('users.changeRole')} okText={t('saved')}>
                    <input type="hidden" name="id" value={u.id} />
                    <RoleSelect value={u.role} />
                    <FacilitySelect facilities={facilities} value={u.facilityCode} />
                  </ActionForm>
                )}
              </td>
              <td>
                <ActiveBadge active={u.active} />
              </td>
              <td>
                <ActionForm
                  action={resetPassword}
                  layout="inline"
                  submitLabel={t('users.resetPassword')}
                  okText={t('users.passwordReset')}
                  confirmText={t('users.resetConfirm', { email: u.email })}
                >
                  <input type="hidden" name="id" value={u.id} />
                </ActionForm>
                {!u.isSelf && (
                  <ActionForm
                    action={setActive}
                    layout="inline"
                    danger={u.active}
                    submitLabel={u.active ? t('deactivate') : t('reactivate')}
                    okText={t('saved')}
                    confirmText={u.active ? t('users.deactivateConfirm', { email: u.email }) : undefined}
                  >
                    <input type="hidden" name="id" value={u.id} />
                    <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
  );
}

// ── FTP accounts ──

export function FtpCreateForm({
  action,
  facilities,
  facility,
}: {
  action: AdminFormAction;
  facilities: FacilityOption[];
  facility: string;
}) {
  const t = useTranslations('adminArea');
  return (
    <ActionForm action={action} submitLabel={t('create')} okText={t('ftp.created')} testId="ftp-create-form">
      <label>
        {t('fields.username')}
        <input className="input mono" name="username" required maxLength={64} autoComplete="off" pattern="[A-Za-z0-9][A-Za-z0-9_.@\-]*" />
      </label>
      <label>
        {t('fields.facility')}
        <FacilitySelect facilities={facilities} value={facility} required />
      </label>
    </ActionForm>
  );
}

export function FtpFilter({ facilities, facility }: { facilities: FacilityOption[]; facility: string }) {
  const t = useTranslations('adminArea');
  return (
    <form method="get" action="/admin/ftp" className="toolbar" data-testid="ftp-filter">
      <select className="input" name="facility" defaultValue={facility} aria-label={t('fields.facility')}>
        <option value="">{t('filters.allFacilities')}</option>
        {facilities.map((f) => (
          <option key={f.code} value={f.code}>
            {f.code} — {f.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn">
        {t('filters.apply')}
      </button>
    </form>
  );
}

export function FtpTable({
  accounts,
  resetPassword,
  setEnabled,
}: {
  accounts: FtpAdminRow[];
  resetPassword: AdminFormAction;
  setEnabled: AdminFormAction;
}) {
  const t = useTranslations('adminArea');
  return (
    <div className="table-wrap">
      <table className="data" data-testid="admin-ftp-table">
        <thead>
          <tr>
            <th>{t('fields.username')}</th>
            <th>{t('fields.facility')}</th>
            <th>{t('fields.status')}</th>
            <th>{t('fields.createdAt')}</th>
            <th>{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-ftp={a.username}>
              <td className="mono">{a.username}</td>
              <td className="mono">{a.facilityCode}</td>
              <td>
                <ActiveBadge active={a.enabled} />
              </td>
              <td className="nowrap">{formatDateTime(a.createdAt)}</td>
              <td>
                <ActionForm
                  action={resetPassword}
                  layout="inline"
                  submitLabel={t('users.resetPassword')}
                  okText={t('users.passwordReset')}
                  confirmText={t('ftp.resetConfirm', { username: a.username })}
                >
                  <input type="hidden" name="id" value={a.id} />
                </ActionForm>
                <ActionForm
                  action={setEnabled}
                  layout="inline"
                  danger={a.enabled}
                  submitLabel={a.enabled ? t('ftp.disable') : t('ftp.enable')}
                  okText={t('saved')}
                >
                  <input type="hidden" name="id" value={a.id} />
                  <input type="hidden" name="enabled" value={a.enabled ? 'false' : 'true'} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {accounts.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
  );
}

// ── API tokens ──

export function TokenCreateForm({ action, facilities }: { action: AdminFormAction; facilities: FacilityOption[] }) {
  const t = useTranslations('adminArea');
  return (
    <ActionForm action={action} submitLabel={t('create')} okText={t('tokens.created')} testId="token-create-form">
      <label>
        {t('fields.name')}
        <input className="input" name="name" required maxLength={100} />
      </label>
      <label>
        {t('fields.role')}
        <RoleSelect />
      </label>
      <label>
        {t('fields.facility')}
        <FacilitySelect facilities={facilities} />
        <span className="muted small">{t('users.facilityHint')}</span>
      </label>
    </ActionForm>
  );
}

export function TokenTable({ tokens, revoke }: { tokens: TokenAdminRow[]; revoke: AdminFormAction }) {
  const t = useTranslations('adminArea');
  const tr = useTranslations('roles');
  return (
    <div className="table-wrap">
      <table className="data" data-testid="admin-token-table">
        <thead>
          <tr>
            <th>{t('fields.name')}</th>
            <th>{t('tokens.prefix')}</th>
            <th>{t('fields.role')}</th>
            <th>{t('fields.facility')}</th>
            <th>{t('fields.createdAt')}</th>
            <th>{t('tokens.lastUsed')}</th>
            <th>{t('fields.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((k) => (
            <tr key={k.id} data-token={k.id}>
              <td>{k.name}</td>
              <td className="mono">{k.prefix}…</td>
              <td>{tr(k.role)}</td>
              <td className="mono">{k.facilityCode ?? ''}</td>
              <td className="nowrap">{formatDateTime(k.createdAt)}</td>
              <td className="nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('tokens.neverUsed')}</td>
              <td>
                {k.revokedAt ? (
                  <span className="badge badge-rejected">{t('tokens.revokedAt', { at: formatDateTime(k.revokedAt) })}</span>
                ) : (
                  <ActiveBadge active />
                )}
              </td>
              <td>
                {!k.revokedAt && (
                  <ActionForm
                    action={revoke}
                    layout="inline"
                    danger
                    submitLabel={t('tokens.revoke')}
                    okText={t('saved')}
                    confirmText={t('tokens.revokeConfirm', { name: k.name })}
                  >
                    <input type="hidden" name="id" value={k.id} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tokens.length === 0 && <div className="empty">{t('empty')}</div>}
    </div>
  );
}
