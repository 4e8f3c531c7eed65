import { expect } from 'vitest';
import type { ConversationAnswer, ConversationMessageAnswer } from '../../shared/api/conversations.js';
import type { TestClient } from '../helpers/client.js';

let n = 0;

/** Starts a conversation over HTTP and answers its id; fails the test when refused. */
export async function start(client: TestClient, participantIds: number[], body = `Hallo, dit is bericht ${++n}`): Promise<number> {
  const res = await client.post<ConversationAnswer>('/api/conversations', { subject: `Onderwerp ${++n}`, body, participantIds });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.conversation.id;
}

export async function send(client: TestClient, conversationId: number, body = `Antwoord nummer ${++n}`): Promise<number> {
  const res = await client.post<ConversationMessageAnswer>(`/api/conversations/${conversationId}/messages`, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.message.id;
}
