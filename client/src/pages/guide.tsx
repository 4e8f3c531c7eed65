import { lazy, Suspense } from 'react';
import { useMe } from '../api/auth';
import { isCentreStaff } from '../api/centre-staff';
import { useGuide } from '../api/guide';
import { GuideView } from '../components/guide-view';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { nlGuide as t } from '../i18n/nl-guide';

// The staff's editing is a chunk of its own (vite.config.ts STAFF_CODE): members never download it.
const GuideEditor = lazy(async () => ({ default: (await import('../components/guide-editor')).GuideEditor }));

/**
 * /wegwijzer: curated links for local parties, grouped by subject (server/guide/). Staff (admins and the
 * kenniscentrum's team) see the same page with the means to keep it; until that code is there, the plain page.
 */
export default function GuidePage() {
  const guide = useGuide();
  const me = useMe();
  const staff = isCentreStaff(me.data);
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {guide.isError ? (
        <PageError error={guide.error} retry={() => void guide.refetch()} />
      ) : guide.isPending ? (
        <Loading />
      ) : staff ? (
        <Suspense fallback={<GuideView guide={guide.data} />}>
          <GuideEditor guide={guide.data} />
        </Suspense>
      ) : (
        <GuideView guide={guide.data} />
      )}
    </>
  );
}
