import { AdminAreaNav } from '@/components/admin/admin-area-nav';

/** The limits and maintenance pages share the admin area's sub-navigation. */
export function LimitsAdminTabs(_: { current: 'limits' | 'maintenance' }) {
  return <AdminAreaNav />;
}
