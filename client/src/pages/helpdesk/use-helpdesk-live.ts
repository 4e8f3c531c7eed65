import { useEffect, useState } from 'react';
import type { HelpdeskMessage } from '../../../../shared/api/helpdesk';
import { useLive } from '../../live/live-context';

/**
 * The live side of an open question. live/connect.ts has put each message in the cache before this runs (the list
 * shows it in place); here only what the page says about it, politely: `describe` gives the words for a message from
 * someone else, or null to stay silent.
 */
export function useHelpdeskLive(questionId: number, viewerId: number | undefined, describe: (message: HelpdeskMessage) => string | null) {
  const live = useLive();
  const [announcement, setAnnouncement] = useState('');
  useEffect(
    () =>
      live.listen((event) => {
        if (event.type !== 'helpdesk.message' || event.questionId !== questionId || event.message.author?.id === viewerId) return;
        const words = describe(event.message);
        if (words) setAnnouncement(words);
      }),
    // describe is a plain function of the message: a new one each render says the same.
    [live, questionId, viewerId],
  );
  return announcement;
}
