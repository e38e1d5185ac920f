import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ConnectivityView } from '@/components/stations/connectivity-view';
import { getSlotCalendar, listConnectivity } from '@/server/queries/connectivity';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connectivity');
  return { title: t('title') };
}

const query = z.object({
  station: z.string().trim().min(1).max(64).optional().catch(undefined),
  days: z.coerce.number().int().min(1).max(31).catch(7).default(7),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectivityPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = query.parse({ station: typeof sp.station === 'string' ? sp.station : undefined, days: typeof sp.days === 'string' ? sp.days : undefined });
  const [t, rows] = await Promise.all([getTranslations('connectivity'), listConnectivity()]);
  // The calendar shows the asked station, else the worst one (first row).
  const code = q.station ?? rows[0]?.code;
  const calendar = code ? await getSlotCalendar(code, q.days) : null;
  const offline = rows.filter((r) => r.state === 'offline').length;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <strong>{t('summary', { offline, total: rows.length })}</strong>
      </div>
      <ConnectivityView rows={rows} calendar={calendar} />
    </>
  );
}
