import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { DayInput } from '@/components/ui/filter-form';
import { Select } from '@/components/ui/select';
import { AdminFilterForm } from './admin-filter-form';
import styles from './admin.module.css';
import { diffAudit, type Json } from './audit-diff';

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: Json | null;
  after: Json | null;
};
export type AuditFilterValues = { actor: string; entity: string; action: string; entityId: string; from: string; to: string };

export function AuditFilters({ values, entities, actions }: { values: AuditFilterValues; entities: string[]; actions: string[] }) {
  const t = useTranslations('adminArea');
  return (
    <AdminFilterForm action="/admin/audit" testId="audit-filters" values={values}>
      <label>
        {t('audit.actor')}
        <input className="input" name="actor" defaultValue={values.actor} placeholder={t('audit.actorPlaceholder')} />
      </label>
      <label>
        {t('audit.entity')}
        <Select name="entity" defaultValue={values.entity} empty={t('filters.all')} options={entities} />
      </label>
      <label>
        {t('audit.action')}
        <Select name="action" defaultValue={values.action} empty={t('filters.all')} options={actions} />
      </label>
      <label>
        {t('audit.entityId')}
        <input className="input mono" name="entityId" defaultValue={values.entityId} />
      </label>
      <label>
        {t('filters.from')}
        <DayInput name="from" defaultValue={values.from} placeholder="dd/MM/yyyy" />
      </label>
      <label>
        {t('filters.to')}
        <DayInput name="to" defaultValue={values.to} placeholder="dd/MM/yyyy" />
      </label>
    </AdminFilterForm>
  );
}

function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useTranslations('adminArea.audit');
  const rows = diffAudit(entry.before, entry.after);
  if (rows.length === 0) return <span className="muted">{t('noChange')}</span>;
  return (
    <table className={styles.diff} data-testid="audit-diff">
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-kind={r.kind}>
            <th className="mono">{r.key}</th>
            <td>{r.before !== null && <span className={styles.removed}>{r.before}</span>}</td>
            <td aria-hidden>{r.kind === 'changed' ? '→' : ''}</td>
            <td>{r.after !== null && <span className={styles.added}>{r.after}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useTranslations('adminArea');
  return (
    <DataTable
      testId="audit-table"
      rows={entries}
      rowKey={(e) => e.id}
      rowProps={(e) => ({ 'data-audit-id': e.id, 'data-action': e.action, 'data-entity': e.entity, 'data-entity-id': e.entityId ?? '' })}
      empty={t('audit.empty')}
      columns={[
        { header: t('audit.when'), className: 'nowrap', cell: (e) => formatDateTime(e.at) },
        { header: t('audit.actor'), cell: (e) => e.actor.replace(/^user:/, '') },
        { header: t('audit.action'), className: 'mono', cell: (e) => e.action },
        {
          header: t('audit.entity'),
          cell: (e) => (
            <>
              <span className="mono">{e.entity}</span> {e.entityId && <span className="mono muted">{e.entityId}</span>}
            </>
          ),
        },
        { header: t('audit.changes'), cell: (e) => <AuditDiff entry={e} /> },
      ]}
    />
  );
}

/** Previous/next links that keep the filters. */
export function AuditPager({
  page,
  pageCount,
  total,
  values,
}: {
  page: number;
  pageCount: number;
  total: number;
  values: AuditFilterValues;
}) {
  const t = useTranslations('adminArea.audit');
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `/admin/audit?${s}` : '/admin/audit';
  };
  return (
    <nav className={styles.pager} aria-label={t('pages')} data-testid="audit-pager">
      {page > 1 ? (
        <Link className="btn" href={href(page - 1)} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <span className="muted">{t('pageOf', { page, pageCount, total })}</span>
      {page < pageCount ? (
        <Link className="btn" href={href(page + 1)} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}
