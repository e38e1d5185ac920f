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

/**
 * Audit codes in the reader's language: actions (`report.export`), entities (`alert`), changed fields and the values
 * whose codes have names (alert states and dispositions, roles, averaging bases). Unknown codes stay as they are.
 */
function useAuditLabels() {
  const ta = useTranslations('screens.audit');
  const t = useTranslations();
  const key = (code: string) => code.replace(/[^A-Za-z0-9_]/g, '_');
  // Codes come from stored entries: a key is looked up (has) before it is read.
  type AnyKey = Parameters<typeof t>[0];
  type AuditKey = Parameters<typeof ta>[0];
  const pick = (ns: string, code: string): string | null => {
    const k = `${ns}.${key(code)}` as AnyKey;
    return t.has(k) ? t(k) : null;
  };
  const own = (ns: 'actions' | 'entities' | 'fields', code: string): string => {
    const k = `${ns}.${key(code)}` as AuditKey;
    return ta.has(k) ? ta(k) : code;
  };
  return {
    action: (a: string) => own('actions', a),
    entity: (e: string) => own('entities', e),
    field: (f: string) => own('fields', f),
    value: (entity: string, field: string, v: string): string => {
      const last = field.split('.').pop() ?? field;
      const named =
        last === 'disposition'
          ? pick('alerts.dispositions', v)
          : last === 'state'
            ? pick(entity === 'alert' ? 'alerts.states' : 'states', v)
            : last === 'role'
              ? pick('roles', v)
              : last === 'basis' || last === 'averaging'
                ? pick('alerts.bases', v)
                : null;
      return named ?? v;
    },
  };
}

export function AuditFilters({ values, entities, actions }: { values: AuditFilterValues; entities: string[]; actions: string[] }) {
  const t = useTranslations('adminArea');
  const label = useAuditLabels();
  return (
    <AdminFilterForm action="/admin/audit" testId="audit-filters" values={values}>
      <label>
        {t('audit.actor')}
        <input className="input" name="actor" defaultValue={values.actor} placeholder={t('audit.actorPlaceholder')} />
      </label>
      <label>
        {t('audit.entity')}
        <Select name="entity" defaultValue={values.entity} empty={t('filters.all')} options={entities.map((e) => ({ value: e, label: label.entity(e) }))} />
      </label>
      <label>
        {t('audit.action')}
        <Select name="action" defaultValue={values.action} empty={t('filters.all')} options={actions.map((a) => ({ value: a, label: label.action(a) }))} />
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
  const label = useAuditLabels();
  const rows = diffAudit(entry.before, entry.after);
  if (rows.length === 0) return <span className="muted">{t('noChange')}</span>;
  return (
    <table className={styles.diff} data-testid="audit-diff">
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-kind={r.kind}>
            <th title={r.key}>{label.field(r.key)}</th>
            <td>{r.before !== null && <span className={styles.removed}>{label.value(entry.entity, r.key, r.before)}</span>}</td>
            <td aria-hidden>{r.kind === 'changed' ? '→' : ''}</td>
            <td>{r.after !== null && <span className={styles.added}>{label.value(entry.entity, r.key, r.after)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useTranslations('adminArea');
  const label = useAuditLabels();
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
        { header: t('audit.action'), cellProps: (e) => ({ title: e.action }), cell: (e) => label.action(e.action) },
        {
          header: t('audit.entity'),
          cellProps: (e) => ({ title: e.entity }),
          cell: (e) => (
            <>
              {label.entity(e.entity)} {e.entityId && <span className="mono muted">{e.entityId}</span>}
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
