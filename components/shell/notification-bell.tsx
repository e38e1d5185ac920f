'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAlertKind } from '@/lib/domain/alerts/kinds';
import { formatDateTime } from '@/lib/domain/time';
import { parameterLabel } from '@/lib/domain/parameters';

export type BellItem = {
  id: number;
  alertId: number;
  eventType: string;
  createdAt: string;
  read: boolean;
  stationCode: string | null;
  stationName: string | null;
  parameter: string | null;
  kind: string | null;
};
export type BellData = { ok: true; unread: number; items: BellItem[] } | { ok: false; error: string };

const POLL_MS = 30_000;
const EVENTS = ['opened', 'reopened', 'repeat', 'disposition', 'sampled'] as const;

/** The in-app notifications: unread count on the bell, the newest in a dropdown, "mark all read". Polls every 30 s. */
export function NotificationBell({ load, markRead }: { load: () => Promise<BellData>; markRead: (ids: number[] | 'all') => Promise<{ ok: boolean }> }) {
  const t = useTranslations('alerts');
  const locale = useLocale();
  const t2 = useTranslations('alerts2');
  const [data, setData] = useState<{ unread: number; items: BellItem[] }>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const pathname = usePathname();

  const refresh = useCallback(async () => {
    try {
      const res = await load();
      if (res.ok) setData({ unread: res.unread, items: res.items });
    } catch {
      // Offline or server restarting: keep what is shown, the next poll retries.
    }
  }, [load]);

  useEffect(() => {
    // Deferred so the first fetch does not run inside the effect's own render pass.
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh, pathname]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const label = t('bell.label');
  return (
    <div ref={box} style={{ position: 'relative' }} data-testid="notification-bell">
      <button
        type="button"
        className="btn"
        aria-label={data.unread > 0 ? `${label}: ${t('bell.unread', { count: data.unread })}` : label}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        style={{ position: 'relative', paddingInline: 10 }}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {data.unread > 0 && (
          <span
            data-testid="bell-count"
            style={{ position: 'absolute', top: -6, right: -6, minWidth: 18, height: 18, borderRadius: 9, background: '#EA3223', color: '#fff', fontSize: 11, fontWeight: 700, display: 'grid', placeItems: 'center', padding: '0 4px' }}
          >
            {data.unread > 99 ? '99+' : data.unread}
          </span>
        )}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={label}
          className="panel"
          style={{ position: 'absolute', right: 0, top: 'calc(100% + 6px)', width: 340, zIndex: 1000, padding: 0, boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '8px 12px', borderBottom: '1px solid #e3e7eb' }}>
            <strong>{label}</strong>
            {data.unread > 0 && (
              <button
                type="button"
                className="btn"
                style={{ padding: '2px 8px', fontSize: '0.8rem' }}
                onClick={async () => {
                  await markRead('all');
                  await refresh();
                }}
              >
                {t('bell.markAll')}
              </button>
            )}
          </div>
          {data.items.length === 0 ? (
            <p className="muted" style={{ padding: 12, margin: 0 }}>
              {t('bell.empty')}
            </p>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflow: 'auto' }}>
              {data.items.map((n) => {
                const kind = n.kind && isAlertKind(n.kind) ? t(`kinds.${n.kind}`) : (n.kind ?? '');
                const ev = n.eventType === 'overdue' ? t2('overdue') : (EVENTS as readonly string[]).includes(n.eventType) ? t(`bell.events.${n.eventType as (typeof EVENTS)[number]}`) : n.eventType;
                return (
                  <li key={n.id} style={{ borderBottom: '1px solid #f0f2f4', background: n.read ? undefined : '#f3f8ff' }}>
                    <Link
                      href={`/alerts/${n.alertId}`}
                      style={{ display: 'block', padding: '8px 12px', color: 'inherit', textDecoration: 'none' }}
                      onClick={() => {
                        setOpen(false);
                        if (!n.read) void markRead([n.id]).then(refresh);
                      }}
                    >
                      <div style={{ fontWeight: n.read ? 400 : 600 }}>
                        {ev}: {kind}
                        {n.parameter ? ` · ${parameterLabel(n.parameter, locale === 'en' ? 'en' : 'vi')}` : ''}
                      </div>
                      <div className="muted small">
                        {n.stationName ?? n.stationCode} · {formatDateTime(n.createdAt)}
                      </div>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          <div style={{ display: 'flex', justifyContent: 'space-between', padding: '8px 12px', fontSize: '0.85rem' }}>
            <Link href="/alerts" onClick={() => setOpen(false)}>
              {t('bell.viewAll')}
            </Link>
            <Link href="/settings/notifications" onClick={() => setOpen(false)}>
              {t('bell.settings')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
