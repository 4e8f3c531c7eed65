import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SynonymGroup, SynonymList } from '../../../shared/api/search';
import { del, get, post, put } from './http';

const synonymsKey = ['admin', 'search-synonyms'] as const;
const URL = '/api/admin/search-synonyms';

/** The admins' synonym list (small: shown whole, no pages). */
export function useSynonyms() {
  return useQuery({ queryKey: synonymsKey, queryFn: () => get<SynonymList>(URL) });
}

function useSynonymMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the caller's own onSuccess must run while the form that asked is still on screen.
    onSuccess: () => void client.invalidateQueries({ queryKey: synonymsKey }),
  });
}

export const useAddSynonyms = () => useSynonymMutation((terms: string[]) => post<SynonymGroup>(URL, { terms }));
export const useChangeSynonyms = () => useSynonymMutation(({ id, terms }: { id: number; terms: string[] }) => put<SynonymGroup>(`${URL}/${id}`, { terms }));
export const useDeleteSynonyms = () => useSynonymMutation((id: number) => del<undefined>(`${URL}/${id}`));
