import { useQuery } from '@tanstack/react-query';
import type { SiteInfo } from '../../../shared/api/site';
import { get } from './http';

/** The knowledge centre's contact address (GET /api/site); set at the server's start, so asked once. */
export function useSiteInfo() {
  return useQuery({ queryKey: ['site'], queryFn: () => get<SiteInfo>('/api/site'), staleTime: Infinity, retry: false });
}
