'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function LogoutButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: '/login' });
      }}
    >
      {label}
    </button>
  );
}
