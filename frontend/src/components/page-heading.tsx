import { useEffect, useRef, type ReactNode } from 'react';
import { consumeNavigationFocus } from '@/app/route-focus';

/**
 * The page's h1. After an in-app navigation it takes focus, so screen-reader
 * and keyboard users start on the new page instead of the link they left.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (consumeNavigationFocus()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
