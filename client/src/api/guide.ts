import { useQuery } from '@tanstack/react-query';
import type { Guide } from '../../../shared/api/guide';
import { get } from './http';

export const guideKey = ['guide'] as const;

/** The whole Wegwijzer (a few dozen sections, a few hundred links at most: no pages). */
export function useGuide() {
  return useQuery({ queryKey: guideKey, queryFn: () => get<Guide>('/api/guide') });
}
