import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminCategoryList, CreateCategoryBody, UpdateCategoryBody } from '../../../shared/api/categories';
import { keys } from './forum';
import { del, get, patch, post, put } from './http';

const adminCategoriesKey = ['admin', 'categories'] as const;
const URL = '/api/admin/categories';

/** The admins' list of every category, in order, archived and restricted ones included (small: no pages). */
export function useAdminCategories() {
  return useQuery({ queryKey: adminCategoriesKey, queryFn: () => get<AdminCategoryList>(URL) });
}

/**
 * Every change answers the whole new list: it is shown at once (a moved row is in its new place before focus is put
 * back on its button), then both lists are refreshed, the admins' and the members' (the overview, the menus). Loaded
 * thread lists and threads are marked stale too: archiving or restricting a category changes what they show. Only
 * those on screen are asked again now; on this page that is none.
 */
function useCategoryMutation<T, R extends AdminCategoryList | undefined>(mutationFn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (answer) => {
      if (answer) client.setQueryData(adminCategoriesKey, answer);
      // Not awaited: the caller's own onSuccess must run while the form that asked is still on screen.
      void client.invalidateQueries({ queryKey: adminCategoriesKey });
      void client.invalidateQueries({ queryKey: keys.categories });
      void client.invalidateQueries({ queryKey: ['threads'] });
      void client.invalidateQueries({ queryKey: ['thread'] });
    },
  });
}

export const useCreateCategory = () => useCategoryMutation((body: CreateCategoryBody) => post<AdminCategoryList>(URL, body));
export const useUpdateCategory = () => useCategoryMutation(({ id, ...body }: UpdateCategoryBody & { id: number }) => patch<AdminCategoryList>(`${URL}/${id}`, body));
export const useOrderCategories = () => useCategoryMutation((ids: number[]) => put<AdminCategoryList>(`${URL}/order`, { ids }));
export const useDeleteCategory = () => useCategoryMutation((id: number) => del<undefined>(`${URL}/${id}`));
