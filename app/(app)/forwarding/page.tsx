import { getTranslations } from 'next-intl/server';
import { firstParam, type SearchParams } from '@/app/_lib/params';
import { ReconciliationTable } from '@/components/forwarding/reconciliation-table';
import { ResendForm } from '@/components/forwarding/resend-form';
import { TargetCards } from '@/components/forwarding/target-cards';
import { TargetForm } from '@/components/forwarding/target-form';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { titleMetadata } from '@/app/_lib/metadata';
import { createForwardTargetAction, resendForwardingAction, setForwardTargetEnabledAction } from '@/server/actions/forwarding';
import { getForwardingPage } from '@/server/queries/forwarding';

export const generateMetadata = titleMetadata('forwarding.title');

export default async function ForwardingPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const q = { from: firstParam(sp.from), to: firstParam(sp.to), target: firstParam(sp.target) };
  const [t, data] = await Promise.all([getTranslations('forwarding'), getForwardingPage(q)]);
  const targetOptions = data.targets.map((x) => ({ id: x.id, name: x.name }));
  const stations = [...new Set(data.rows.map((r) => r.station))].sort();
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      <Panel id="fwd-targets" title={t('targets')}>
        <TargetCards targets={data.targets} toggle={data.canManage ? setForwardTargetEnabledAction : undefined} />
        {data.canManage && (
          <details style={{ marginTop: 12 }}>
            <summary>{t('addTarget')}</summary>
            <TargetForm action={createForwardTargetAction} />
          </details>
        )}
      </Panel>
      <Panel id="fwd-reconciliation" title={t('reconciliation')} intro={t('reconciliationIntro')}>
        <ReconciliationTable rows={data.rows} from={data.from} to={data.to} target={q.target} targets={targetOptions} totals={data.totals} />
      </Panel>
      {data.canResend && (
        <Panel id="fwd-resend" title={t('resend')} intro={t('resendIntro')}>
          <ResendForm action={resendForwardingAction} stations={stations} targets={targetOptions} from={data.to} to={data.to} />
        </Panel>
      )}
    </>
  );
}
