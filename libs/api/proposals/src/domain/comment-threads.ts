/** What threading needs of a comment. */
export interface Threaded {
  readonly id: string;
  readonly parentId: string | null;
}

/**
 * Comments in reading order: each thread depth-first, replies under the comment they
 * answer, siblings in the order given (oldest first). A reply whose parent is not in the
 * list (another revision) starts a thread of its own. `depth` is 0 for a thread's start.
 */
export function threadOrder<T extends Threaded>(comments: readonly T[]): { comment: T; depth: number }[] {
  const ids = new Set(comments.map((comment) => comment.id));
  const children = new Map<string | null, T[]>();
  for (const comment of comments) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) ? comment.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(comment);
    children.set(parent, siblings);
  }
  const ordered: { comment: T; depth: number }[] = [];
  const stack: { comment: T; depth: number }[] = [...(children.get(null) ?? [])]
    .reverse()
    .map((comment) => ({ comment, depth: 0 }));
  const visited = new Set<string>();
  while (stack.length > 0) {
    const next = stack.pop() as { comment: T; depth: number };
    if (visited.has(next.comment.id)) continue;
    visited.add(next.comment.id);
    ordered.push(next);
    const replies = children.get(next.comment.id) ?? [];
    for (let i = replies.length - 1; i >= 0; i--) stack.push({ comment: replies[i] as T, depth: next.depth + 1 });
  }
  return ordered;
}
