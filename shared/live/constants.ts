/** The live protocol's numbers (./protocol.ts has its messages), shared by the server and the browser's live client. */
export const LIVE_PROTOCOL_VERSION = 1;

/** Text messages larger than this are answered with an error; much larger ones close the socket. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

/** Close codes (4000–4999 are ours). The client does not reconnect after the "auth" ones. */
export const CLOSE = {
  goingAway: 1001,
  /** The socket could not keep up: its unsent buffer grew too large. Reconnecting with `after` catches up. */
  tooSlow: 4008,
  unauthenticated: 4401,
  forbidden: 4403,
  /** The account opened more live connections than allowed; this, its oldest, was closed to make room. */
  replaced: 4409,
  flood: 4429,
} as const;

/**
 * After these reconnecting would not help: the session or account no longer allows a live connection, or (replaced)
 * a reconnect would only close the account's next-oldest connection, and tabs would take turns closing each other.
 */
export const FINAL_CLOSE_CODES: readonly number[] = [CLOSE.unauthenticated, CLOSE.forbidden, CLOSE.replaced];
