import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, RegisterAnswer, RegisterBody, User } from '../../../shared/api/users';
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

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => post<{ user: User; csrfToken: string }>('/api/auth/login', body),
    onSuccess: ({ user, csrfToken }) => {
      setCsrfToken(csrfToken);
      // Whatever a previous user saw must not leak into this session's cache.
      client.clear();
      client.setQueryData(meKey, user);
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
