import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TrainingAnswer, TrainingList } from '../../../shared/api/trainings';
import { del, get, post, qs } from './http';

export type TrainingPeriod = 'upcoming' | 'past';

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (period: TrainingPeriod) => ['trainings', 'list', period] as const,
  soon: ['trainings', 'soon'] as const,
  detail: (id: number) => ['trainings', 'detail', id] as const,
};

/** /trainingen: upcoming ones soonest first, or past ones most recent first, a page at a time. */
export function useTrainings(period: TrainingPeriod) {
  return useInfiniteQuery({
    queryKey: trainingKeys.list(period),
    queryFn: ({ pageParam }) => get<TrainingList>(`/api/trainings${qs({ period, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The "Binnenkort" block: the next few, one small page. */
export function useSoonTrainings(limit: number) {
  return useQuery({
    queryKey: trainingKeys.soon,
    queryFn: async () => (await get<TrainingList>(`/api/trainings${qs({ period: 'upcoming', limit })}`)).items,
  });
}

export function useTraining(id: number) {
  return useQuery({
    queryKey: trainingKeys.detail(id),
    queryFn: async () => (await get<TrainingAnswer>(`/api/trainings/${id}`)).training,
    enabled: Number.isInteger(id) && id > 0,
  });
}

/**
 * The answer is the training as she now sees it (her place, the counts, maybe the link): shown at once. The lists
 * are asked again, since counts and her status in them changed too.
 */
export function takeTraining(client: QueryClient, { training }: TrainingAnswer): void {
  client.setQueryData(trainingKeys.detail(training.id), training);
  void client.invalidateQueries({ queryKey: trainingKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
}

export function useSignup(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<TrainingAnswer>(`/api/trainings/${id}/signup`),
    onSuccess: (answer) => takeTraining(client, answer),
  });
}

export function useCancelSignup(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => del<TrainingAnswer>(`/api/trainings/${id}/signup`),
    onSuccess: (answer) => takeTraining(client, answer),
  });
}

/** Where a file the server makes is downloaded; plain links, so the browser's own download works (and its cookie goes along). */
export const calendarUrl = (id: number) => `/api/trainings/${id}/calendar.ics`;
