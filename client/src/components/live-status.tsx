import { useEffect, useRef, useState } from 'react';
import { nl } from '../i18n/nl';
import { useLiveStatus } from '../live/live-context';

const RESTORED_SHOWN_MS = 5000;

/**
 * The live connection's state on every page of an active member: a notice while the socket reconnects (new
 * replies and notifications wait until it is back) and a short "hersteld" once it is. A polite status region
 * that is always in the page, because a region inserted together with its text is often not read out; it
 * never takes focus, so a reader who is typing is not interrupted.
 */
export function LiveStatusNotice() {
  const status = useLiveStatus();
  const wasDown = useRef(false);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (status === 'reconnecting') {
      wasDown.current = true;
      setRestored(false);
    } else if (status === 'open' && wasDown.current) {
      wasDown.current = false;
      setRestored(true);
    }
  }, [status]);

  useEffect(() => {
    if (!restored) return;
    const timer = setTimeout(() => setRestored(false), RESTORED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [restored]);

  const down = status === 'reconnecting' || status === 'replaced';
  const text = status === 'replaced' ? nl.live.replaced : down ? nl.live.reconnecting : restored && status === 'open' ? nl.live.restored : '';
  return (
    <div role="status" className={text ? `live-status${down ? '' : ' restored'}` : undefined}>
      {text}
    </div>
  );
}
