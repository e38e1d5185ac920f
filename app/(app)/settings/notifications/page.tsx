import { getTranslations } from 'next-intl/server';
import { SubscriptionsForm } from '@/components/alerts/subscriptions-form';
import { MonthlySubscriptionForm } from '@/components/reports/monthly-subscription';
import { PageHead } from '@/components/ui/page-head';
import { titleMetadata } from '@/app/_lib/metadata';
import { saveMonthlySubscriptionAction } from '@/server/actions/reports';
import { getMonthlySubscriptionSettings } from '@/server/queries/reports';
import { saveSubscriptionsAction } from '@/server/actions/notifications';
import { getNotificationSettingsPage } from '@/server/queries/alerts';

export const generateMetadata = titleMetadata('alerts.subscriptions.title');

export default async function NotificationSettingsPage() {
  const [t, data, monthly] = await Promise.all([getTranslations('alerts.subscriptions'), getNotificationSettingsPage(), getMonthlySubscriptionSettings()]);
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      <SubscriptionsForm initial={data.settings} stations={data.stations} email={data.email} webhookAllowed={data.webhookAllowed} save={saveSubscriptionsAction} />
      {monthly && <MonthlySubscriptionForm {...monthly} save={saveMonthlySubscriptionAction} />}
    </>
  );
}
