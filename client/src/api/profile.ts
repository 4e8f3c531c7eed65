import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RepresentativeRole } from '../../../shared/constants';
import type { User } from '../../../shared/api/users';
import { meKey } from './auth';
import { patch, post } from './http';

/** Only the fields that changed: the server resets the verified badge when the role changes, so never resend it. */
export type ProfileChanges = Partial<{ displayName: string; party: string; municipality: string; representativeRole: RepresentativeRole | null }>;

/** Kept out of auth.ts: auth.ts is in the first download, these only on the profile page. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileChanges) => patch<{ user: User }>('/api/me', body),
    onSuccess: ({ user }) => {
      client.setQueryData(meKey, user);
      // Cached threads and posts carry the old name and party: refetch them when next shown.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => post<void>('/api/me/password', body),
  });
}
