import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataExport, DataExportList, DeleteAccountBody, ModeratorDeleteAccountBody } from '../../../shared/api/privacy';
import { meKey } from './auth';
import { get, post, setCsrfToken } from './http';

const exportsKey = ['privacy', 'exports'] as const;

/** Her exports; asked again every few seconds while one is being prepared (the notification says so too). */
export function useExports() {
  return useQuery({
    queryKey: exportsKey,
    queryFn: () => get<DataExportList>('/api/me/exports'),
    refetchInterval: (query) => (query.state.data?.exports.some((e) => e.status === 'pending') ? 3000 : false),
  });
}

export function useRequestExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => post<DataExport>('/api/me/exports', { password }),
    onSuccess: () => void client.invalidateQueries({ queryKey: exportsKey }),
  });
}

/** The file is fetched by the browser itself (a link): the answer is an attachment, so it is saved, not shown. */
export const downloadUrl = (id: number) => `/api/me/exports/${id}/download`;

/**
 * Her own account. Afterwards she is logged out everywhere, so everything cached must go: `forget()`, called by the
 * page once it has moved on (were the account forgotten first, the profile page would send her to the login).
 */
export function useDeleteAccount() {
  const client = useQueryClient();
  const mutation = useMutation({ mutationFn: (body: DeleteAccountBody) => post<void>('/api/me/delete-account', body) });
  const forget = () => {
    setCsrfToken(null);
    client.clear();
    client.setQueryData(meKey, null);
  };
  return { ...mutation, forget };
}

/** A moderator, on the member's request. */
export function useModeratorDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ModeratorDeleteAccountBody & { id: number }) => post<void>(`/api/admin/users/${id}/delete`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['moderation'] }),
  });
}
