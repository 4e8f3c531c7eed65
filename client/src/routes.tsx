import { lazy, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { patternToRegExp, type ClientRoute } from '../../shared/client-routes';
import { fetchEarly } from './api/early';
import { Layout } from './components/layout';
import { RequireMember } from './components/require-member';
import { NotFound } from './components/states';
import Landing from './pages/landing';

/**
 * Only the landing page and the frame are in the first download (the budget is 100 KB of gzipped JavaScript);
 * every other page is its own chunk, fetched when first visited. Declarative routes (<BrowserRouter>) rather
 * than the data router: the data router adds some 15 KB we would not use (loaders, actions, fetchers).
 */
const page = (load: () => Promise<{ default: ComponentType }>) => Object.assign(lazy(load), { load });
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));

const Login = page(() => import('./pages/login'));
const Register = page(() => import('./pages/register'));
const Waiting = page(() => import('./pages/waiting'));
const ForgotPassword = page(() => import('./pages/forgot-password'));
const ResetPassword = page(() => import('./pages/reset-password'));
const ConfirmEmail = page(() => import('./pages/confirm-email'));
const Accessibility = named(() => import('./pages/static-pages'), 'Accessibility');
const Privacy = page(() => import('./pages/privacy-statement'));
const AccountDeleted = named(() => import('./components/account-deletion'), 'AccountDeleted');
const Profile = page(() => import('./pages/profile'));
const Notifications = page(() => import('./pages/notifications'));
const Bookmarks = page(() => import('./pages/bookmarks'));
const Categories = page(() => import('./pages/categories'));
const ThreadList = page(() => import('./pages/thread-list'));
const NewThread = page(() => import('./pages/new-thread'));
const ThreadPage = page(() => import('./pages/thread'));
const StartPage = page(() => import('./pages/start'));
const Search = page(() => import('./pages/search'));
const Guide = page(() => import('./pages/guide'));
const Member = page(() => import('./pages/member'));
const MembersDirectory = page(() => import('./pages/members-directory'));
const Queue = page(() => import('./pages/moderation/queue'));
const Pending = named(() => import('./pages/moderation/users'), 'PendingPage');
const Members = named(() => import('./pages/moderation/users'), 'MembersPage');
const Log = page(() => import('./pages/moderation/log'));
const Synonyms = page(() => import('./pages/admin/synonyms'));
const CategoriesAdmin = page(() => import('./pages/admin/categories'));
const Unsubscribe = page(() => import('./pages/unsubscribe'));
const Conversations = page(() => import('./pages/conversations/list'));
const NewConversation = page(() => import('./pages/conversations/new'));
const Conversation = page(() => import('./pages/conversations/conversation'));
const Trainings = page(() => import('./pages/trainings'));
const Training = page(() => import('./pages/training'));
const NewTraining = named(() => import('./pages/training-form'), 'NewTrainingPage');
const EditTraining = named(() => import('./pages/training-form'), 'EditTrainingPage');
const HelpdeskHub = page(() => import('./pages/helpdesk/hub'));
const MyQuestions = page(() => import('./pages/helpdesk/my-questions'));
const AskQuestion = page(() => import('./pages/helpdesk/ask'));
const HelpdeskQuestion = page(() => import('./pages/helpdesk/question'));
// The team's pages: chunks of their own that a member never downloads (vite.config.ts STAFF_CODE).
const HelpdeskInbox = page(() => import('./pages/helpdesk/helpdesk-inbox'));
const HelpdeskInboxQuestion = page(() => import('./pages/helpdesk/helpdesk-inbox-question'));
const HelpdeskCanned = page(() => import('./pages/helpdesk/helpdesk-staff-canned'));
const HelpdeskStats = page(() => import('./pages/helpdesk/helpdesk-staff-stats'));

/**
 * The pages a member most often opens from a link or a bookmark (a notification mail leads to a thread), with the
 * answers each asks for first. startFirstPage asks for both at once while the entry script starts, instead of the
 * page's code after the session is known and its data after its code: on a phone that chain is the page's wait.
 */
const firstPages: [ClientRoute, { load: () => Promise<unknown> }, (id: string, params: URLSearchParams) => string[]][] = [
  ['/discussie/:id', ThreadPage, (id, params) => [`/api/threads/${id}${params.get('vanaf') === 'ongelezen' ? '?start=unread' : ''}`, '/api/categories', `/api/threads/${id}/draft`]],
  // With the "Binnenkort" block's trainings (components/upcoming-trainings.tsx asks for exactly this address).
  ['/forum', Categories, () => ['/api/categories', '/api/trainings?period=upcoming&limit=3']],
  ['/forum/:slug', ThreadList, (slug, params) => (params.toString() === '' ? ['/api/categories', `/api/categories/${slug}/threads`] : ['/api/categories'])],
  ['/nieuw-en-ongelezen', StartPage, (_, params) => (params.toString() === '' ? ['/api/threads/recent?tab=latest', '/api/categories'] : ['/api/categories'])],
];

export function startFirstPage({ pathname, search }: Pick<Location, 'pathname' | 'search'>): void {
  const data = ['/api/me'];
  for (const [route, lazyPage, answers] of firstPages) {
    if (!patternToRegExp(route).test(pathname)) continue;
    void lazyPage.load().catch(() => undefined); // a failed load is reported when the page itself asks again
    data.push(...answers(pathname.split('/').filter(Boolean)[1] ?? '', new URLSearchParams(search)));
    break;
  }
  fetchEarly(data);
}

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/" element={<Landing />} />
          <Route path="/inloggen" element={<Login />} />
          <Route path="/aanmelden" element={<Register />} />
          <Route path="/wachten" element={<Waiting />} />
          <Route path="/wachtwoord-vergeten" element={<ForgotPassword />} />
          <Route path="/wachtwoord-herstellen" element={<ResetPassword />} />
          <Route path="/bevestigen" element={<ConfirmEmail />} />
          <Route path="/toegankelijkheid" element={<Accessibility />} />
          <Route path="/privacy" element={<Privacy />} />
          {/* Where she lands after deleting her account: logged out by then. */}
          <Route path="/account-verwijderd" element={<AccountDeleted />} />
          {/* Public: the link in a mail works without logging in. */}
          <Route path="/afmelden" element={<Unsubscribe />} />
          <Route path="/profiel" element={<Profile />} />
          {/* Outside RequireMember: pending and suspended accounts read their notifications too. */}
          <Route path="/meldingen" element={<Notifications />} />
          <Route element={<RequireMember />}>
            <Route path="/forum" element={<Categories />} />
            <Route path="/forum/:slug" element={<ThreadList />} />
            {/* "Nieuw en ongelezen" across all categories (/nieuw is where a new thread is started). */}
            <Route path="/nieuw-en-ongelezen" element={<StartPage />} />
            <Route path="/nieuw" element={<NewThread />} />
            <Route path="/discussie/:id" element={<ThreadPage />} />
            <Route path="/zoeken" element={<Search />} />
            <Route path="/wegwijzer" element={<Guide />} />
            <Route path="/leden" element={<MembersDirectory />} />
            <Route path="/leden/:id" element={<Member />} />
            <Route path="/bewaard" element={<Bookmarks />} />
            <Route path="/berichten" element={<Conversations />} />
            <Route path="/berichten/nieuw" element={<NewConversation />} />
            {/* Also a moderator's read-only view of a reported conversation: the server decides who may read it. */}
            <Route path="/berichten/:id" element={<Conversation />} />
            <Route path="/trainingen" element={<Trainings />} />
            {/* Before /trainingen/:id, though react-router ranks a fixed segment first anyway. For staff: the pages check. */}
            <Route path="/trainingen/nieuw" element={<NewTraining />} />
            <Route path="/trainingen/:id" element={<Training />} />
            <Route path="/trainingen/:id/bewerken" element={<EditTraining />} />
            <Route path="/kenniscentrum" element={<HelpdeskHub />} />
            <Route path="/kenniscentrum/vragen" element={<MyQuestions />} />
            <Route path="/kenniscentrum/vragen/nieuw" element={<AskQuestion />} />
            <Route path="/kenniscentrum/vragen/:id" element={<HelpdeskQuestion />} />
            {/* For the kenniscentrum's team: the pages check (as the training form does), the server checks again. */}
            <Route path="/kenniscentrum/inbox" element={<HelpdeskInbox />} />
            <Route path="/kenniscentrum/inbox/:id" element={<HelpdeskInboxQuestion />} />
            <Route path="/kenniscentrum/standaardantwoorden" element={<HelpdeskCanned />} />
            <Route path="/kenniscentrum/cijfers" element={<HelpdeskStats />} />
          </Route>
          <Route element={<RequireMember moderator />}>
            <Route path="/moderatie" element={<Queue />} />
            <Route path="/moderatie/aanmeldingen" element={<Pending />} />
            <Route path="/moderatie/leden" element={<Members />} />
            <Route path="/moderatie/logboek" element={<Log />} />
          </Route>
          <Route element={<RequireMember admin />}>
            <Route path="/beheer/synoniemen" element={<Synonyms />} />
            <Route path="/beheer/categorieen" element={<CategoriesAdmin />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
