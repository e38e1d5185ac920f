'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Select } from '@/components/ui/select';
import styles from './alerts.module.css';

type ErrorCode = 'CONFLICT' | 'VALIDATION' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'INTERNAL' | 'RATE_LIMITED';
export type ActionResult = { ok: true } | { ok: false; error: ErrorCode };

const KNOWN: readonly ErrorCode[] = ['CONFLICT', 'VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHORIZED', 'INTERNAL'];

/** Submits an alert action in a transition; on success the page is refreshed, else the error is translated. */
function useAlertAction() {
  const t = useTranslations('alerts.actions.errors');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (call: () => Promise<ActionResult>, onOk?: () => void) => {
    setError(null);
    start(async () => {
      const res = await call();
      if (res.ok) {
        onOk?.();
        router.refresh();
      } else setError(t((KNOWN.includes(res.error) ? res.error : 'INTERNAL') as 'INTERNAL'));
    });
  };
  return { error, pending, run };
}

function ActionError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}

/** "Tiếp nhận": open → acknowledged, with an optional note. */
export function AcknowledgeForm({ alertId, acknowledge }: { alertId: number; acknowledge: (input: { id: number; note?: string }) => Promise<ActionResult> }) {
  const t = useTranslations('alerts.actions');
  const [note, setNote] = useState('');
  const { error, pending, run } = useAlertAction();
  return (
    <form
      className={styles.form}
      data-testid="acknowledge-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => acknowledge({ id: alertId, note: note.trim() || undefined }));
      }}
    >
      <label>
        <span>{t('acknowledgeNote')}</span>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('saving') : t('acknowledge')}
        </button>
      </div>
      <ActionError error={error} />
    </form>
  );
}

const CHOICES = ['confirmed_violation', 'equipment_fault', 'calibration', 'false_alarm'] as const;

export type DispositionInput = { id: number; disposition: (typeof CHOICES)[number]; note: string; assigneeId: number | null; dueDate: string | null };

/** The inspector's decision on a compliance exceedance, with a note, an assignee and a due date. */
export function DispositionForm({
  alertId,
  initial,
  inspectors,
  save,
}: {
  alertId: number;
  initial: { disposition: string | null; note: string | null; assigneeId: number | null; dueDate: string | null };
  inspectors: { id: number; name: string }[];
  save: (input: DispositionInput) => Promise<ActionResult>;
}) {
  const t = useTranslations('alerts');
  const start0 = (CHOICES as readonly string[]).includes(initial.disposition ?? '') ? (initial.disposition as (typeof CHOICES)[number]) : 'confirmed_violation';
  const [disposition, setDisposition] = useState<(typeof CHOICES)[number]>(start0);
  const [note, setNote] = useState(initial.note ?? '');
  const [assignee, setAssignee] = useState(initial.assigneeId != null ? String(initial.assigneeId) : '');
  const [due, setDue] = useState(initial.dueDate ?? '');
  const [saved, setSaved] = useState(false);
  const { error, pending, run } = useAlertAction();
  return (
    <form
      className={styles.form}
      data-testid="disposition-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        run(() => save({ id: alertId, disposition, note: note.trim(), assigneeId: assignee ? Number(assignee) : null, dueDate: due.trim() || null }), () => setSaved(true));
      }}
    >
      <label>
        <span>{t('actions.disposition')}</span>
        <Select
          name="disposition"
          value={disposition}
          onChange={(e) => setDisposition(e.target.value as (typeof CHOICES)[number])}
          options={CHOICES.map((c) => ({ value: c, label: t(`dispositions.${c}`) }))}
        />
      </label>
      <label>
        <span>{t('actions.note')}</span>
        <textarea className="input" name="note" rows={3} required maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        <span>{t('actions.assignee')}</span>
        <Select
          name="assignee"
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          empty={t('actions.noAssignee')}
          options={inspectors.map((i) => ({ value: i.id, label: i.name }))}
        />
      </label>
      <label>
        <span>{t('actions.dueDate')}</span>
        <input className="input" name="dueDate" value={due} onChange={(e) => setDue(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" />
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending || note.trim() === ''}>
          {pending ? t('actions.saving') : t('actions.save')}
        </button>
      </div>
      {saved && !error && (
        <p className={styles.ok} role="status">
          {t('actions.saved')}
        </p>
      )}
      <ActionError error={error} />
    </form>
  );
}
