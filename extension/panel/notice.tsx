// The panel's empty and error states: each says what Rounds sees and what the user can do about it.
import type { ComponentChildren } from 'preact';

export function Notice({
  title,
  problem,
  children,
}: {
  title: string;
  problem?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <section class={problem ? 'notice problem' : 'notice'} role={problem ? 'alert' : undefined}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
