/**
 * Where a member's uploaded picture is served; the time makes a new picture a new address (cached long). For post
 * authors, member pages and her own account alike; a leaf module, so that auth/users.ts can use it without importing
 * the forum queries (which import auth/users.ts: a cycle).
 */
export const avatarUrl = (userId: number, updatedAt: Date | null): string | null => (updatedAt ? `/api/members/${userId}/avatar?v=${updatedAt.getTime()}` : null);
