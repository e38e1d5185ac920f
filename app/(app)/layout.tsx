import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { NotificationBell } from '@/components/shell/notification-bell';
import { getShellUser } from '@/server/queries/me';
import { getBellAction, markNotificationsReadAction } from '@/server/actions/notifications';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getShellUser();
  return (
    <AppShell user={user} bell={<NotificationBell load={getBellAction} markRead={markNotificationsReadAction} />}>
      {children}
    </AppShell>
  );
}
