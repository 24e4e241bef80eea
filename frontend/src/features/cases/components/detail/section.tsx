import { useId, type ReactNode } from 'react';

/** A part of the case page: a section named by its h2. */
export function Section({ heading, children }: { heading: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-7">
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}
