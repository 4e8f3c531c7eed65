import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateGuideLinkBody, Guide, UpdateGuideLinkBody, UpdateGuideSectionBody } from '../../../shared/api/guide';
import { guideKey } from './guide';
import { del, patch, post } from './http';

/**
 * Every change answers the whole Wegwijzer: it is shown at once (a moved item is in its new place before focus is
 * put back on its button), and searches asked before are marked stale, as their links may have changed.
 */
function useGuideMutation<T>(mutationFn: (input: T) => Promise<Guide>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (answer) => {
      client.setQueryData(guideKey, answer);
      void client.invalidateQueries({ queryKey: ['search'] });
    },
  });
}

export const useAddSection = () => useGuideMutation((name: string) => post<Guide>('/api/guide/sections', { name }));
export const useUpdateSection = () => useGuideMutation(({ id, ...body }: UpdateGuideSectionBody & { id: number }) => patch<Guide>(`/api/guide/sections/${id}`, body));
export const useDeleteSection = () => useGuideMutation((id: number) => del<Guide>(`/api/guide/sections/${id}`));
export const useAddLink = () => useGuideMutation((body: CreateGuideLinkBody) => post<Guide>('/api/guide/links', body));
export const useUpdateLink = () => useGuideMutation(({ id, ...body }: UpdateGuideLinkBody & { id: number }) => patch<Guide>(`/api/guide/links/${id}`, body));
export const useDeleteLink = () => useGuideMutation((id: number) => del<Guide>(`/api/guide/links/${id}`));
