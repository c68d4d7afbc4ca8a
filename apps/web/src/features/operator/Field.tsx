import type { ReactNode } from 'react';

/**
 * A labelled control with its hint outside the label: the accessible name stays short,
 * the hint is read as the description (the control points at `hintId` with aria-describedby).
 */
export function Field({
  label,
  hint,
  hintId,
  children,
}: {
  label: string;
  hint?: ReactNode;
  hintId?: string;
  children: ReactNode;
}) {
  return (
    <div className="operator-field">
      <label>
        {label}
        {children}
      </label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
