import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { ActiveBadge, FacilityActiveForm, FacilityEditForm } from '@/components/admin/facility-admin';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { titleMetadata } from '@/app/_lib/metadata';
import { setFacilityActiveAction, updateFacilityAction } from '@/server/actions/admin-facilities';
import { getAdminFacility } from '@/server/queries/admin';

type Params = Promise<{ code: string }>;

export const generateMetadata = titleMetadata('adminArea.facilities.title', { param: 'code', separator: ' ' });

export default async function AdminFacilityPage({ params }: { params: Params }) {
  const { code } = await params;
  const [t, facility] = await Promise.all([getTranslations('adminArea.facilities'), getAdminFacility(decodeURIComponent(code))]);
  return (
    <>
      <AdminAreaNav />
      <PageHead
        title={
          <>
            {facility.name} <span className="mono muted">{facility.code}</span> <ActiveBadge active={facility.active} />
          </>
        }
        intro={t('editIntro')}
      />
      <Panel title={t('edit')}>
        <FacilityEditForm facility={facility} action={updateFacilityAction} />
      </Panel>
      <Panel title={t('status')}>
        <FacilityActiveForm facility={facility} action={setFacilityActiveAction} />
      </Panel>
    </>
  );
}
