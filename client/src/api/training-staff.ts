import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTrainingBody, TrainingAnswer, TrainingParticipantList, UpdateTrainingBody } from '../../../shared/api/trainings';
import { get, patch, post } from './http';
import { takeTraining } from './trainings';

/** The kenniscentrum's side of trainings: only staff pages and the staff panel load this (vite.config.ts STAFF_CODE). */
const participantsKey = (id: number) => ['trainings', 'participants', id] as const;

export function useCreateTraining() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTrainingBody) => post<TrainingAnswer>('/api/trainings', body),
    onSuccess: (answer) => takeTraining(client, answer),
  });
}

export function useUpdateTraining(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTrainingBody) => patch<TrainingAnswer>(`/api/trainings/${id}`, body),
    onSuccess: (answer) => {
      takeTraining(client, answer);
      // A higher capacity moves waiting members up.
      void client.invalidateQueries({ queryKey: participantsKey(id) });
    },
  });
}

export function useCancelTraining(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<TrainingAnswer>(`/api/trainings/${id}/cancel`),
    onSuccess: (answer) => takeTraining(client, answer),
  });
}

/**
 * Participants first, then the waiting list in order. Asked again whenever the training itself is (its counts
 * changed: someone signed up or cancelled), so the table and the counts above it agree.
 */
export function useParticipants(id: number, version: string) {
  return useQuery({
    queryKey: [...participantsKey(id), version],
    queryFn: async () => (await get<TrainingParticipantList>(`/api/trainings/${id}/participants`)).participants,
    placeholderData: (previous) => previous,
  });
}

export const participantsCsvUrl = (id: number) => `/api/trainings/${id}/participants.csv`;
