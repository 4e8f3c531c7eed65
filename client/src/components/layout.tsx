import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/auth';
import { nl } from '../i18n/nl';
import { LiveProvider } from '../live/live-context';

/** Moves focus to the new page's h1 after client-side navigation (not on the first load, where the browser starts at the top). */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The page may still be rendering its heading (lazy routes): try again on the next frames.
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const heading = document.getElementById('main-heading');
      if (heading) heading.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(focus);
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

export function Layout() {
  useFocusHeadingOnNavigate();
  const me = useMe();
  const user = me.data ?? null;
  const logout = useLogout();
  const navigate = useNavigate();
  const active = user?.status === 'active';
  const moderator = active && (user.role === 'moderator' || user.role === 'admin');

  return (
    <LiveProvider enabled={active}>
      <a className="skip-link" href="#main-heading">
        {nl.nav.skip}
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <Link to={active ? '/forum' : '/'} className="brand">
            {nl.app.name}
          </Link>
          <nav aria-label={nl.nav.main}>
            <ul className="nav-list">
              {active && (
                <>
                  <li>
                    <NavLink to="/forum">{nl.nav.forum}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/zoeken">{nl.nav.search}</NavLink>
                  </li>
                  {moderator && (
                    <li>
                      <NavLink to="/moderatie">{nl.nav.moderation}</NavLink>
                    </li>
                  )}
                </>
              )}
              {user ? (
                <>
                  <li>
                    <NavLink to="/profiel">{nl.nav.profile}</NavLink>
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
        <Outlet />
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
