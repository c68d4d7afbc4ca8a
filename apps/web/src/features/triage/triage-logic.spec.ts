import { describe, expect, it } from '@jest/globals';
import { readQueueParams, queueFilter, writeQueueParams } from './queue-params';
import { slaState } from './sla';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const HOUR = 3600 * 1000;
const at = (offset: number) => new Date(NOW + offset).toISOString();

describe('slaState', () => {
  it('says how late a NEW pépin is, in hours then days', () => {
    expect(slaState({ status: 'NEW', ackDueAt: at(-5 * HOUR) }, NOW)).toEqual({
      kind: 'late',
      unit: 'hours',
      count: 5,
    });
    expect(slaState({ status: 'NEW', ackDueAt: at(-3 * 24 * HOUR) }, NOW)).toEqual({
      kind: 'late',
      unit: 'days',
      count: 3,
    });
  });

  it('warns within 24 hours, and is calm beyond', () => {
    expect(slaState({ status: 'NEW', ackDueAt: at(3 * HOUR) }, NOW)).toEqual({ kind: 'soon', unit: 'hours', count: 3 });
    expect(slaState({ status: 'NEW', ackDueAt: at(20 * 60 * 1000) }, NOW)).toEqual({
      kind: 'soon',
      unit: 'minutes',
      count: 20,
    });
    expect(slaState({ status: 'NEW', ackDueAt: at(72 * HOUR) }, NOW)).toEqual({ kind: 'ok', unit: 'days', count: 3 });
    expect(slaState({ status: 'NEW', ackDueAt: at(30 * HOUR) }, NOW)).toEqual({ kind: 'ok', unit: 'hours', count: 30 });
  });

  it('owes nothing once the pépin left NEW', () => {
    expect(slaState({ status: 'ACKNOWLEDGED', ackDueAt: at(-HOUR), acknowledgedAt: at(-2 * HOUR) }, NOW)).toEqual({
      kind: 'done',
      at: at(-2 * HOUR),
    });
    expect(slaState({ status: 'DECLINED', ackDueAt: at(-HOUR), acknowledgedAt: null }, NOW)).toEqual({
      kind: 'closed',
    });
  });
});

describe('queue parameters in the URL', () => {
  it('round-trips a view and keeps the default out of the link', () => {
    const params = readQueueParams(new URLSearchParams('status=ACKNOWLEDGED&q=colis&rule=refund-004&overdue=1&sort=NEWEST'));
    expect(params).toEqual({
      status: 'ACKNOWLEDGED',
      search: 'colis',
      ruleKey: 'refund-004',
      category: '',
      overdue: true,
      order: 'NEWEST',
    });
    expect(writeQueueParams(params).toString()).toBe('status=ACKNOWLEDGED&q=colis&rule=refund-004&overdue=1&sort=NEWEST');
    expect(queueFilter(params)).toEqual({
      statuses: ['ACKNOWLEDGED'],
      search: 'colis',
      ruleKey: 'REFUND-004',
      overdue: true,
    });
    expect(writeQueueParams(readQueueParams(new URLSearchParams('sort=ACK_DUE_SOONEST'))).toString()).toBe('');
  });

  it('lands on the pépins awaiting acknowledgement, most urgent first; "Tous" is status=ALL', () => {
    expect(readQueueParams(new URLSearchParams(''))).toMatchObject({ status: 'NEW', order: 'ACK_DUE_SOONEST' });
    expect(readQueueParams(new URLSearchParams('status=ALL'))).toMatchObject({ status: null });
    expect(writeQueueParams({ ...readQueueParams(new URLSearchParams('')), status: null }).toString()).toBe('status=ALL');
  });

  it('ignores values it does not know', () => {
    expect(readQueueParams(new URLSearchParams('status=LOST&sort=RANDOM'))).toMatchObject({
      status: 'NEW',
      order: 'ACK_DUE_SOONEST',
    });
  });
});
