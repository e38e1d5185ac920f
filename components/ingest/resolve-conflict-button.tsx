'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

export type ResolveResult = { ok: true } | { ok: false; error: string };

/** "Đánh dấu đã xem": calls the server action handed down by the page, then refreshes the server-rendered panel. */
export function ResolveConflictButton({
  id,
  action,
  label,
  pendingLabel,
  errorLabel,
}: {
  id: number;
  action: (input: { id: number }) => Promise<ResolveResult>;
  label: string;
  pendingLabel: string;
  errorLabel: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <span className="nowrap">
      <button
        type="button"
        className="btn"
        disabled={pending}
        data-testid={`resolve-conflict-${id}`}
        onClick={() =>
          start(async () => {
            setFailed(false);
            const r = await action({ id });
            if (!r.ok) setFailed(true);
            router.refresh();
          })
        }
      >
        {pending ? pendingLabel : label}
      </button>
      {failed && (
        <span role="alert" className="small" style={{ color: 'var(--danger)', marginLeft: 8 }}>
          {errorLabel}
        </span>
      )}
    </span>
  );
}
