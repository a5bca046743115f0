// valibot's validation issues as one sentence a person can act on: "name: a school needs a name; level: …".
import type * as v from 'valibot';

export function describeIssues(issues: readonly v.BaseIssue<unknown>[], most = 5): string {
  return issues
    .slice(0, most)
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
