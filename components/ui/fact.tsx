import type { ReactNode } from 'react';

/** One term and its value in a description list of facts (each pair in its own box, so a grid can lay them out). */
export function Fact({ label, testId, children }: { label: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
