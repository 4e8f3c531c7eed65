import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, UpdateProfileBody, User } from '../../../shared/api/users';
import { meKey } from './auth';
import { patch, post } from './http';

/** Kept out of auth.ts: auth.ts is in the first download, these only on the profile page. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => patch<{ user: User }>('/api/me', body),
    onSuccess: ({ user }) => {
      client.setQueryData(meKey, user);
      // Cached threads and posts carry the old name and party: refetch them when next shown.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    // The server ends her other sessions and gives this one a new id.
    mutationFn: (body: ChangePasswordBody) => post<void>('/api/me/password', body, { newSession: true }),
  });
}
