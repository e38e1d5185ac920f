'use client';
import { useState, useTransition } from 'react';

export type SaveStatus = { ok: boolean; text: string };

/** Saves a settings form in a transition and keeps its outcome as one line of text (cleared when saving again). */
export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const [pending, start] = useTransition();
  const submit = (save: () => Promise<SaveStatus>) => {
    setStatus(null);
    start(async () => setStatus(await save()));
  };
  return { status, pending, submit };
}
