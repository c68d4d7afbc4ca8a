import { decodeQueueCursor, encodeQueueCursor, PepinQueueOrder } from './pepin-queue';

const cursor = {
  order: PepinQueueOrder.MOST_SUPPORTED,
  at: '2026-03-01 10:00:00.123456+00',
  supports: 4,
  id: '0f8c2b52-7d0e-4a53-9a11-2f6c1e7d3b90',
};

describe('queue cursors', () => {
  it('round-trip, microseconds included', () => {
    expect(decodeQueueCursor(encodeQueueCursor(cursor), PepinQueueOrder.MOST_SUPPORTED)).toEqual(cursor);
  });

  it('belong to one sort', () => {
    expect(decodeQueueCursor(encodeQueueCursor(cursor), PepinQueueOrder.OLDEST)).toBeNull();
  });

  it('refuse anything forged or damaged', () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeQueueCursor('not-a-cursor', PepinQueueOrder.OLDEST)).toBeNull();
    expect(decodeQueueCursor(forge(['OLDEST', "1' OR 1=1", 0, cursor.id]), PepinQueueOrder.OLDEST)).toBeNull();
    expect(decodeQueueCursor(forge(['OLDEST', cursor.at, -1, cursor.id]), PepinQueueOrder.OLDEST)).toBeNull();
    expect(decodeQueueCursor(forge(['OLDEST', cursor.at, 0, 'x']), PepinQueueOrder.OLDEST)).toBeNull();
    expect(decodeQueueCursor(forge({ order: 'OLDEST' }), PepinQueueOrder.OLDEST)).toBeNull();
  });
});
