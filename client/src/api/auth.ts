import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginChallenge } from '../../../shared/api/totp';
import type { LoginAnswer, LoginBody, RegisterAnswer, RegisterBody, User } from '../../../shared/api/users';
import { ApiError, get, post, setCsrfToken } from './http';

export const meKey = ['me'] as const;

/** Who is logged in; null for a guest. Other errors (server down) stay errors. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<User | null> => {
      try {
        return (await get<{ user: User }>('/api/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** A finished login, with the password alone or after the second step (api/two-step.ts): the same either way. */
export function loggedIn(client: QueryClient, { user, csrfToken }: LoginAnswer): void {
  setCsrfToken(csrfToken);
  // Whatever a previous user saw must not leak into this session's cache.
  client.clear();
  client.setQueryData(meKey, user);
}

/** The right password of an account with the second step on answers a challenge: the session now waits for the code. */
/**
 * Whether the client offers her moderation: a moderator or admin, unless she must first set up two-step login
 * (then the server treats her as a member, and a banner says what to do).
 */
export const moderates = (user: Pick<User, 'role' | 'totpRequired'>): boolean => user.role !== 'member' && !user.totpRequired;

export const isChallenge = (answer: LoginAnswer | LoginChallenge): answer is LoginChallenge => 'status' in answer;

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => post<LoginAnswer | LoginChallenge>('/api/auth/login', body, { newSession: true }),
    onSuccess: (answer) => {
      // The waiting session has a new id and so a new token, which the code's request must carry.
      if (isChallenge(answer)) setCsrfToken(answer.csrfToken);
      else loggedIn(client, answer);
    },
  });
}

/** The answer is the same whether or not the e-mail was already known; the mail that follows tells its owner which. */
export function useRegister() {
  return useMutation({ mutationFn: (body: RegisterBody) => post<RegisterAnswer>('/api/auth/register', body) });
}

export function useLogout(path = '/api/auth/logout') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>(path),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}
