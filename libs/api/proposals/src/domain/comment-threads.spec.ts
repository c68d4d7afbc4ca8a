import { threadOrder } from './comment-threads';

const c = (id: string, parentId: string | null = null) => ({ id, parentId });

describe('threadOrder', () => {
  it('puts each reply under what it answers, depth-first, siblings oldest first', () => {
    const ordered = threadOrder([c('a'), c('b'), c('a1', 'a'), c('a1x', 'a1'), c('b1', 'b'), c('a2', 'a')]);
    expect(ordered.map(({ comment, depth }) => `${comment.id}:${depth}`)).toEqual([
      'a:0',
      'a1:1',
      'a1x:2',
      'a2:1',
      'b:0',
      'b1:1',
    ]);
  });

  it('starts a thread for a reply whose parent is not in the list', () => {
    expect(threadOrder([c('x', 'elsewhere'), c('y')]).map(({ comment, depth }) => `${comment.id}:${depth}`)).toEqual([
      'x:0',
      'y:0',
    ]);
  });
});
