import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubscriptionsForm } from '@/components/alerts/subscriptions-form';
import { MonthlySubscriptionForm } from '@/components/reports/monthly-subscription';
import { saveMonthlySubscriptionAction } from '@/server/actions/reports';
import { getMonthlySubscriptionSettings } from '@/server/queries/reports';
import { saveSubscriptionsAction } from '@/server/actions/notifications';
import { getNotificationSettingsPage } from '@/server/queries/alerts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('alerts.subscriptions');
  return { title: t('title') };
}

export default async function NotificationSettingsPage() {
  const [t, data, monthly] = await Promise.all([getTranslations('alerts.subscriptions'), getNotificationSettingsPage(), getMonthlySubscriptionSettings()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <SubscriptionsForm initial={data.settings} stations={data.stations} email={data.email} save={saveSubscriptionsAction} />
      {monthly && <MonthlySubscriptionForm {...monthly} save={saveMonthlySubscriptionAction} />}
    </>
  );
}
