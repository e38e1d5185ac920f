'use client';
import { useActionState } from 'react';
import type { QcFormAction } from './types';

type Action = QcFormAction;

export function RevokeButton({ station, id, label, action }: { station: string; id: number; label: string; action: Action }) {
  const [state, submit, pending] = useActionState(action, { ok: false, error: null });
  return (
    <form action={submit} style={{ display: 'inline' }}>
      <input type="hidden" name="station" value={station} />
      <input type="hidden" name="id" value={id} />
      <button className="btn" type="submit" disabled={pending} data-testid={`revoke-${id}`}>
        {label}
      </button>
      {state.error && <span className="form-error"> {state.error}</span>}
    </form>
  );
}
