import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReconciliationTable } from '@/components/forwarding/reconciliation-table';
import { ResendForm } from '@/components/forwarding/resend-form';
import { TargetCards } from '@/components/forwarding/target-cards';
import { TargetForm } from '@/components/forwarding/target-form';
import { createForwardTargetAction, resendForwardingAction, setForwardTargetEnabledAction } from '@/server/actions/forwarding';
import { getForwardingPage } from '@/server/queries/forwarding';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forwarding');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ForwardingPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const q = { from: one(sp.from), to: one(sp.to), target: one(sp.target) };
  const [t, data] = await Promise.all([getTranslations('forwarding'), getForwardingPage(q)]);
  const targetOptions = data.targets.map((x) => ({ id: x.id, name: x.name }));
  const stations = [...new Set(data.rows.map((r) => r.station))].sort();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="fwd-targets">
        <h2 id="fwd-targets">{t('targets')}</h2>
        <TargetCards targets={data.targets} toggle={data.canManage ? setForwardTargetEnabledAction : undefined} />
        {data.canManage && (
          <details style={{ marginTop: 12 }}>
            <summary>{t('addTarget')}</summary>
            <TargetForm action={createForwardTargetAction} />
          </details>
        )}
      </section>
      <section className="panel" aria-labelledby="fwd-reconciliation">
        <h2 id="fwd-reconciliation">{t('reconciliation')}</h2>
        <p className="muted">{t('reconciliationIntro')}</p>
        <ReconciliationTable rows={data.rows} from={data.from} to={data.to} target={q.target} targets={targetOptions} totals={data.totals} />
      </section>
      {data.canResend && (
        <section className="panel" aria-labelledby="fwd-resend">
          <h2 id="fwd-resend">{t('resend')}</h2>
          <p className="muted">{t('resendIntro')}</p>
          <ResendForm action={resendForwardingAction} stations={stations} targets={targetOptions} from={data.to} to={data.to} />
        </section>
      )}
    </>
  );
}
