import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Moderators' parts of the thread page, each in a chunk of its own so a member's thread page downloads no
 * moderation code. The thread page preloads them for staff before it shows the thread (`preloadStaffParts`), so
 * they render at once with the rest instead of popping in and shifting the posts down; until preloaded (or for a
 * part opened later), React.lazy loads them.
 */
function staffPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  const Lazy: LazyExoticComponent<ComponentType<P>> = lazy(async () => ({ default: (loaded = await load()) }));
  function StaffPart(props: P) {
    const Part = loaded ?? Lazy;
    return <Part {...props} />;
  }
  const preload = async () => {
    loaded = await load();
  };
  return Object.assign(StaffPart, { preload });
}

const postModeration = () => import('./post-moderation');

export const ThreadModeration = staffPart(async () => (await import('./thread-moderation')).ThreadModeration);
export const HidePostButton = staffPart(async () => (await postModeration()).HidePostButton);
export const RestorePostButton = staffPart(async () => (await postModeration()).RestorePostButton);
export const PostRemovalDialog = staffPart(async () => (await postModeration()).PostRemovalDialog);

/** Resolves once every part is loaded; a failed load resolves too (the part then loads, or fails, when shown). */
export const preloadStaffParts = () => Promise.allSettled([ThreadModeration, HidePostButton, RestorePostButton, PostRemovalDialog].map((part) => part.preload())).then(() => undefined);
