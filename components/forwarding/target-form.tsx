'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Select } from '@/components/ui/select';
import { ActionMessage } from './action-message';
import type { FormAction } from './types';

const DEFAULT_TEMPLATE = '{root}/{province}/{facility}_{station}/{yyyy}/{MM}/{dd}/{file}';
const PLACEHOLDERS = '{root} {province} {facility} {station} {fileCode} {yyyy} {MM} {dd} {file}';

/** Admin form: a new receiving FTP/FTPS target. */
export function TargetForm({ action }: { action: FormAction }) {
  const t = useTranslations('forwarding');
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="form-grid" data-testid="forward-target-form" style={{ display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' }}>
      <label>
        {t('name')}
        <input className="input" name="name" required maxLength={100} />
      </label>
      <label>
        {t('protocol')}
        <Select name="protocol" defaultValue="ftp" options={[{ value: 'ftp', label: 'FTP' }, { value: 'ftps', label: 'FTPS' }]} />
      </label>
      <label>
        {t('host')}
        <input className="input" name="host" required />
      </label>
      <label>
        {t('port')}
        <input className="input" name="port" type="number" min={1} max={65535} defaultValue={21} />
      </label>
      <label>
        {t('username')}
        <input className="input" name="username" required autoComplete="off" />
      </label>
      <label>
        {t('password')}
        <input className="input" name="password" type="password" autoComplete="new-password" />
        <span className="muted small">{t('passwordHint')}</span>
      </label>
      <label>
        {t('rootFolder')}
        <input className="input" name="rootFolder" defaultValue="/" />
      </label>
      <label style={{ gridColumn: '1 / -1' }}>
        {t('pathTemplate')}
        <input className="input mono" name="pathTemplate" defaultValue={DEFAULT_TEMPLATE} />
        <span className="muted small">
          {t('pathTemplateHint')} <span className="mono">{PLACEHOLDERS}</span>
        </span>
      </label>
      <div>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {t('save')}
        </button>
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        <ActionMessage state={state} okText={t('saved')} />
      </div>
    </form>
  );
}
