import { useEffect, useState } from 'react';

/**
 * Focus for an element that is not on the page yet: `focusSoon(id)` moves focus to it once the next render has put it
 * there (a message just sent, or the message whose edit or delete button is gone).
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    setTarget(null);
    document.getElementById(target)?.focus();
  }, [target]);
  return setTarget;
}
