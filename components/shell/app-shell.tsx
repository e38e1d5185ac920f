import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { NavLinks, type NavItem } from '@/components/ui/nav-links';
import { LocaleSwitch } from './locale-switch';
import { LogoutButton } from './logout-button';

export type ShellRole = 'admin' | 'operator' | 'inspector' | 'manager' | 'facility';

export function AppShell({
  user,
  children,
  bell,
}: {
  user: { name: string; email: string; role: ShellRole };
  children: ReactNode;
  /** The in-app notification bell (alertsui), rendered by the layout with its server actions. */
  bell?: ReactNode;
}) {
  const t = useTranslations();
  const items: NavItem[] = [
    { href: '/map', label: t('nav.map') },
    { href: '/stations', label: t('nav.stations') },
    { href: '/alerts', label: t('nav.alerts') },
    { href: '/connectivity', label: t('nav.connectivity') },
    { href: '/ingest', label: t('nav.ingest') },
    ...(user.role !== 'facility' ? [{ href: '/forwarding', label: t('forwarding.nav') }] : []),
    { href: '/qc', label: t('qc.nav') },
    { href: '/reports', label: t('nav.reports') },
    ...(user.role === 'admin' ? [{ href: '/admin', label: t('nav.admin') }] : []),
  ];
  return (
    <div className="shell">
      <div className="shell-brand">
        <strong>{t('common.appName')}</strong>
        <span>{t('common.department')}</span>
      </div>
      <header className="shell-header">
        <span className="tagline">{t('common.tagline')}</span>
        <div className="shell-user">
          {bell}
          <LocaleSwitch />
          <div className="user-chip" data-testid="current-user">
            <span>{user.name}</span>
            <span className="role">{t(`roles.${user.role}`)}</span>
          </div>
          <LogoutButton label={t('nav.logout')} />
        </div>
      </header>
      <NavLinks className="shell-nav" items={items} label={t('common.mainNav')} />
      <main className="shell-main">{children}</main>
    </div>
  );
}
