import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { getShellUser } from '@/server/queries/me';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getShellUser();
  return <AppShell user={user}>{children}</AppShell>;
}
