import { useEffect, type ReactNode } from 'react';
import { nl } from '../i18n/nl';

/**
 * The main heading of a page, also the document title. It takes focus (tabIndex -1) after each client-side
 * navigation, so screen-reader and keyboard users start at the new page's top, as after a full page load.
 */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · ${nl.app.name}` : nl.app.name;
  }, [text]);
  return (
    <h1 id="main-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
