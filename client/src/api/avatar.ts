import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { User, UserBody } from '../../../shared/api/users';
import { meKey } from './auth';
import { del, putBlob } from './http';

/** Cached threads and posts carry her old picture's address: refetch them when next shown. */
const refreshOthers = (client: QueryClient) => client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });

/** Her picture, uploaded as the file itself (the server crops, scales and strips it); the answer is her account. */
export function useUploadAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => putBlob<UserBody>('/api/me/avatar', file),
    onSuccess: ({ user }) => {
      client.setQueryData(meKey, user);
      void refreshOthers(client);
    },
  });
}

/** Back to her initials. */
export function useRemoveAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => del<void>('/api/me/avatar'),
    onSuccess: () => {
      client.setQueryData<User | null>(meKey, (user) => (user ? { ...user, avatarUrl: null } : user));
      void refreshOthers(client);
    },
  });
}
