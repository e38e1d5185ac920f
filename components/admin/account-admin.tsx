import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { ActionForm } from './action-form';
import { ActiveBadge } from './facility-admin';
import { facilityOptions } from './options';
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
    <Select
      name="role"
      required
      defaultValue={value ?? ''}
      aria-label={t('fields.role')}
      empty={!value && t('choose')}
      emptyDisabled
      options={ROLE_VALUES.map((r) => ({ value: r, label: tr(r) }))}
    />
  );
}

function FacilitySelect({
  facilities,
  value,
  required,
}: {
  facilities: FacilityOption[];
  value?: string | null;
  required?: boolean;
}) {
  const t = useTranslations('adminArea');
  return (
    <Select
      name="facilityCode"
      defaultValue={value ?? ''}
      required={required}
      aria-label={t('fields.facility')}
      empty={required ? t('choose') : t('noFacility')}
      options={facilityOptions(facilities.filter((f) => f.active || f.code === value))}
    />
  );
}

/** Role and facility of a new user or token (the facility only for the facility role). */
function RoleFacilityFields({ facilities }: { facilities: FacilityOption[] }) {
  const t = useTranslations('adminArea');
  return (
    <>
      <label>
        {t('fields.role')}
        <RoleSelect />
      </label>
      <label>
        {t('fields.facility')}
        <FacilitySelect facilities={facilities} />
        <span className="muted small">{t('users.facilityHint')}</span>
      </label>
    </>
  );
}

type AccountToggle = { action: AdminFormAction; field: string; on: boolean; submitLabel: string; confirmText?: string };

/**
 * An account's row actions (user or FTP): a new password (shown once) after a confirmation, and a flag (`field` =
 * "true" / "false") set to the opposite of `on`; switching off is the danger.
 */
function AccountActions({ id, resetPassword, resetConfirm, toggle }: { id: number; resetPassword: AdminFormAction; resetConfirm: string; toggle?: AccountToggle }) {
  const t = useTranslations('adminArea');
  return (
    <>
      <ActionForm action={resetPassword} layout="inline" submitLabel={t('users.resetPassword')} okText={t('users.passwordReset')} confirmText={resetConfirm}>
        <input type="hidden" name="id" value={id} />
      </ActionForm>
      {toggle && (
        <ActionForm action={toggle.action} layout="inline" danger={toggle.on} submitLabel={toggle.submitLabel} okText={t('saved')} confirmText={toggle.confirmText}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name={toggle.field} value={toggle.on ? 'false' : 'true'} />
        </ActionForm>
      )}
    </>
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
      <RoleFacilityFields facilities={facilities} />
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
    <DataTable
      testId="admin-user-table"
      rows={users}
      rowKey={(u) => u.id}
      rowProps={(u) => ({ 'data-user': u.email })}
      empty={t('empty')}
      columns={[
        {
          header: t('fields.email'),
          cell: (u) => (
            <>
              {u.email} {u.isSelf && <span className="muted small">({t('users.you')})</span>}
            </>
          ),
        },
        { header: t('fields.name'), cell: (u) => u.name },
        {
          header: t('users.roleAndFacility'),
          cell: (u) =>
            u.isSelf ? (
              <span>{tr(u.role)}</span>
            ) : (
              <ActionForm action={changeRole} layout="inline" submitLabel={t('users.changeRole')} okText={t('saved')}>
                <input type="hidden" name="id" value={u.id} />
                <RoleSelect value={u.role} />
                <FacilitySelect facilities={facilities} value={u.facilityCode} />
              </ActionForm>
            ),
        },
        { header: t('fields.status'), cell: (u) => <ActiveBadge active={u.active} /> },
        {
          header: t('users.actions'),
          cell: (u) => (
            <AccountActions
              id={u.id}
              resetPassword={resetPassword}
              resetConfirm={t('users.resetConfirm', { email: u.email })}
              toggle={
                u.isSelf
                  ? undefined
                  : {
                      action: setActive,
                      field: 'active',
                      on: u.active,
                      submitLabel: u.active ? t('deactivate') : t('reactivate'),
                      confirmText: u.active ? t('users.deactivateConfirm', { email: u.email }) : undefined,
                    }
              }
            />
          ),
        },
      ]}
    />
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
        <input
          className="input mono"
          name="username"
          required
          maxLength={64}
          autoComplete="off"
          pattern="[A-Za-z0-9][A-Za-z0-9_.@\-]*"
        />
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
      <Select
        name="facility"
        defaultValue={facility}
        aria-label={t('fields.facility')}
        empty={t('filters.allFacilities')}
        options={facilityOptions(facilities)}
      />
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
    <DataTable
      testId="admin-ftp-table"
      rows={accounts}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ 'data-ftp': a.username })}
      empty={t('empty')}
      columns={[
        { header: t('fields.username'), className: 'mono', cell: (a) => a.username },
        { header: t('fields.facility'), className: 'mono', cell: (a) => a.facilityCode },
        { header: t('fields.status'), cell: (a) => <ActiveBadge active={a.enabled} /> },
        { header: t('fields.createdAt'), className: 'nowrap', cell: (a) => formatDateTime(a.createdAt) },
        {
          header: t('users.actions'),
          cell: (a) => (
            <AccountActions
              id={a.id}
              resetPassword={resetPassword}
              resetConfirm={t('ftp.resetConfirm', { username: a.username })}
              toggle={{ action: setEnabled, field: 'enabled', on: a.enabled, submitLabel: a.enabled ? t('ftp.disable') : t('ftp.enable') }}
            />
          ),
        },
      ]}
    />
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
      <RoleFacilityFields facilities={facilities} />
    </ActionForm>
  );
}

export function TokenTable({ tokens, revoke }: { tokens: TokenAdminRow[]; revoke: AdminFormAction }) {
  const t = useTranslations('adminArea');
  const tr = useTranslations('roles');
  return (
    <DataTable
      testId="admin-token-table"
      rows={tokens}
      rowKey={(k) => k.id}
      rowProps={(k) => ({ 'data-token': k.id })}
      empty={t('empty')}
      columns={[
        { header: t('fields.name'), cell: (k) => k.name },
        { header: t('tokens.prefix'), className: 'mono', cell: (k) => `${k.prefix}…` },
        { header: t('fields.role'), cell: (k) => tr(k.role) },
        { header: t('fields.facility'), className: 'mono', cell: (k) => k.facilityCode ?? '' },
        { header: t('fields.createdAt'), className: 'nowrap', cell: (k) => formatDateTime(k.createdAt) },
        { header: t('tokens.lastUsed'), className: 'nowrap', cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('tokens.neverUsed')) },
        {
          header: t('fields.status'),
          cell: (k) =>
            k.revokedAt ? (
              <span className="badge badge-rejected">{t('tokens.revokedAt', { at: formatDateTime(k.revokedAt) })}</span>
            ) : (
              <ActiveBadge active />
            ),
        },
        {
          cell: (k) =>
            !k.revokedAt && (
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
            ),
        },
      ]}
    />
  );
}
