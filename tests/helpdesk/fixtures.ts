import { expect } from 'vitest';
import type { HelpdeskMessageAnswer, HelpdeskQuestionAnswer } from '../../shared/api/helpdesk.js';
import type { TestClient } from '../helpers/client.js';

let n = 0;

/** Asks the kenniscentrum a question over HTTP and answers its id; fails the test when refused. */
export async function ask(client: TestClient, body = `Hoe pakken we dit aan? Vraag ${++n}`, extra: { categoryId?: number } = {}): Promise<number> {
  const res = await client.post<HelpdeskQuestionAnswer>('/api/helpdesk/questions', { subject: `Vraag over fuseren ${++n}`, body, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.question.id;
}

/** A message on a question (the team's: an answer, or with `internal` a note); answers its id. */
export async function reply(client: TestClient, questionId: number, body = `Reactie nummer ${++n}`, internal?: boolean): Promise<number> {
  const res = await client.post<HelpdeskMessageAnswer>(`/api/helpdesk/questions/${questionId}/messages`, { body, ...(internal === undefined ? {} : { internal }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.message.id;
}
