import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { moderates, useLogout, useMe } from '../api/auth';
import { forgetEarly } from '../api/early';
import { nl } from '../i18n/nl';
import { nlMembersNav } from '../i18n/nl-members-nav';
import { nlReading } from '../i18n/nl-reading';
import { nlSavingNav } from '../i18n/nl-saving-nav';
import { LiveProvider } from '../live/live-context';
import { Avatar } from './avatar';
import { ConversationsLink } from './conversations-link';
import { HelpdeskLink } from './helpdesk-link';
import { LiveStatusNotice } from './live-status';
import { Logo } from './logo';
import { ModerationLink, NotificationsLink } from './notifications-link';
import { Loading } from './states';
import { TwoStepBanner } from './two-step-banner';

/** Moves focus to the new page's h1 after client-side navigation (not on the first load, where the browser starts at the top). */
function useFocusHeadingOnNavigate() {
  const { pathname, hash } = useLocation();
  // The path this frame last showed: focus moves only when it really changes, not when effects run again.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // A link to one post (#bericht-12) focuses that post instead; the thread page does that once it is loaded.
    if (hash) return;
    // The page may still be loading its code or data: look again each frame for a few seconds, but never take
    // focus away from something the reader moved to in the meantime.
    const before = document.activeElement;
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const heading = document.getElementById('main-heading');
      const untouched = document.activeElement === before || document.activeElement === document.body || !document.activeElement?.isConnected;
      if (heading && untouched) heading.focus();
      else if (!heading && untouched && tries++ < 300) frame = requestAnimationFrame(focus);
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
    // Only a new path is a new page; the hash is read, not watched.
  }, [pathname]);
}

/**
 * Early answers (api/early.ts) are for the page the app opened on. Once she is elsewhere (she navigated, or a guard
 * sent her to the login or waiting page) any page asks afresh: an answer refused before her login or approval must
 * not stand for the page she reaches after it.
 */
function useForgetEarlyOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(pathname);
  useEffect(() => {
    if (pathname !== first.current) forgetEarly();
  }, [pathname]);
}

export function Layout() {
  useFocusHeadingOnNavigate();
  useForgetEarlyOnNavigate();
  const me = useMe();
  const user = me.data ?? null;
  const logout = useLogout();
  const navigate = useNavigate();
  const active = user?.status === 'active';
  const moderator = active && moderates(user);

  return (
    <LiveProvider enabled={active}>
      <a className="skip-link" href="#main-heading">
        {nl.nav.skip}
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <Link to={active ? '/forum' : '/'} className="brand">
            <Logo name={nl.app.name} />
          </Link>
          <nav aria-label={nl.nav.main}>
            <ul className="nav-list">
              {active && (
                <>
                  <li>
                    <NavLink to="/forum">{nl.nav.forum}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/nieuw-en-ongelezen">{nlReading.nav}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/zoeken">{nl.nav.search}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/leden">{nlMembersNav.members}</NavLink>
                  </li>
                  {/* One item for trainings, the Wegwijzer and the helpdesk: with two the header wrapped below ~1150 px. */}
                  <li>
                    <HelpdeskLink />
                  </li>
                  {moderator && (
                    <li>
                      <ModerationLink />
                    </li>
                  )}
                </>
              )}
              {user ? (
                <>
                  {/* Every logged-in account, also pending and suspended ones: notifications tell them why. */}
                  <li>
                    <NotificationsLink moderator={moderator} />
                  </li>
                  {active && (
                    <li>
                      <ConversationsLink />
                    </li>
                  )}
                  {active && (
                    <li>
                      <NavLink to="/bewaard">{nlSavingNav.bookmarks}</NavLink>
                    </li>
                  )}
                  <li>
                    <NavLink to="/profiel" className="profile-link">
                      {/* Decoration beside "Mijn account" (no name in the header): her picture, or her initials. */}
                      <Avatar id={user.id} displayName={user.displayName} avatarUrl={user.avatarUrl} size={24} />
                      {nl.nav.profile}
                    </NavLink>
                  </li>
                  <li>
                    <button type="button" className="link-button" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}>
                      {nl.nav.logout}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/inloggen">{nl.nav.login}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/aanmelden">{nl.nav.register}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="wrap">
        {/* For every page, not only a thread: notifications and new threads arrive over the same socket. */}
        {active && <LiveStatusNotice />}
        <TwoStepBanner user={user} />
        {/* Inside the frame, so loading a page's code never unmounts the header or the live connection. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <nav aria-label={nl.nav.footer} className="wrap">
          <ul className="nav-list">
            <li>
              <Link to="/toegankelijkheid">{nl.nav.accessibility}</Link>
            </li>
            <li>
              <Link to="/privacy">{nl.nav.privacy}</Link>
            </li>
          </ul>
        </nav>
      </footer>
    </LiveProvider>
  );
}
