import { useMutation, useQuery } from '@tanstack/react-query';
import type { UnsubscribeAnswer } from '../../../shared/api/mail';
import { get, post } from './http';

/** What an unsubscribe link would switch off; reading it changes nothing. */
export function useUnsubscribePreview(token: string | null) {
  return useQuery({
    queryKey: ['mail', 'unsubscribe', token],
    queryFn: () => get<UnsubscribeAnswer>(`/api/mail/unsubscribe/preview?token=${encodeURIComponent(token ?? '')}`),
    enabled: token !== null,
    retry: false,
  });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => post<UnsubscribeAnswer>('/api/mail/unsubscribe', { token }) });
}
