import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { SearchParams } from '@/app/_lib/params';
import { ConnectivityView } from '@/components/stations/connectivity-view';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { getSlotCalendar, listConnectivity } from '@/server/queries/connectivity';

export const generateMetadata = titleMetadata('connectivity.title');

const query = z.object({
  station: z.string().trim().min(1).max(64).optional().catch(undefined),
  days: z.coerce.number().int().min(1).max(31).catch(7).default(7),
});

type Props = { searchParams: SearchParams };

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
      <PageHead title={t('title')} intro={t('intro')} actions={<strong>{t('summary', { offline, total: rows.length })}</strong>} />
      <ConnectivityView rows={rows} calendar={calendar} />
    </>
  );
}
