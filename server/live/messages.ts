import { Compile } from 'typebox/compile';
import { ClientMessage, CLIENT_MESSAGE_TYPES, MAX_CLIENT_MESSAGE_BYTES, type ErrorMessage } from '../../shared/live/protocol.js';
import type { Static } from 'typebox';

// Compiled once: every message of every socket goes through it.
const validateClientMessage = Compile(ClientMessage);

type LiveError = Static<typeof ErrorMessage>;

/** A client message checked against the protocol's schema, or the error to answer it with (Dutch, with a stable code). */
export function parseClientMessage(data: string): { message: ClientMessage } | { error: LiveError } {
  if (data.length > MAX_CLIENT_MESSAGE_BYTES) return { error: { type: 'error', code: 'too_large', message: 'Dit bericht is te groot.' } };
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { error: { type: 'error', code: 'invalid_json', message: 'Dit bericht is geen geldige JSON.' } };
  }
  if (validateClientMessage.Check(value)) return { message: value };
  const type = (value as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' && CLIENT_MESSAGE_TYPES.includes(type);
  return {
    error: known
      ? { type: 'error', code: 'invalid_message', message: 'Dit bericht heeft ontbrekende of ongeldige velden.' }
      : { type: 'error', code: 'unknown_type', message: 'Onbekend berichttype.' },
  };
}
