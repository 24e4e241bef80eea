import type { ReactNode } from 'react';

/** DKFDS alert. Errors and warnings are announced (role="alert"); info and
 * success are polite status messages. */
export function Alert({
  variant,
  heading,
  children,
}: {
  variant: 'info' | 'success' | 'warning' | 'error';
  heading?: string;
  children?: ReactNode;
}) {
  const urgent = variant === 'error' || variant === 'warning';
  return (
    <div className={`alert alert-${variant}`} role={urgent ? 'alert' : 'status'}>
      <div className="alert-body">
        {heading && <h2 className="alert-heading">{heading}</h2>}
        {children && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}
