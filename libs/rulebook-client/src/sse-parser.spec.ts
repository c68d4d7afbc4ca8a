import { SseParser, type SseEvent } from './sse-parser';

interface Parsed {
  readonly events: SseEvent[];
  readonly retries: number[];
  readonly comments: string[];
}

function parse(chunks: readonly string[], finish = true): Parsed {
  const parsed: Parsed = { events: [], retries: [], comments: [] };
  const parser = new SseParser({
    onEvent: (event) => parsed.events.push(event),
    onRetry: (ms) => parsed.retries.push(ms),
    onComment: (text) => parsed.comments.push(text),
  });
  for (const chunk of chunks) parser.push(chunk);
  if (finish) parser.end();
  return parsed;
}

const STREAM = [
  'retry: 2500',
  ': heartbeat',
  'event: release',
  'id: 3',
  'data: {"version":3}',
  '',
  'event: advisory',
  'id: 3.7',
  'data: line one',
  'data: line two',
  '',
  ': heartbeat',
  'data: unnamed',
  '',
  '',
].join('\n');

const EXPECTED: SseEvent[] = [
  { type: 'release', data: '{"version":3}', id: '3' },
  { type: 'advisory', data: 'line one\nline two', id: '3.7' },
  // The id carries over to later events, as in EventSource.
  { type: 'message', data: 'unnamed', id: '3.7' },
];

describe('SseParser', () => {
  it('parses events, multi-line data, comments and retry', () => {
    const parsed = parse([STREAM]);
    expect(parsed.events).toEqual(EXPECTED);
    expect(parsed.retries).toEqual([2500]);
    expect(parsed.comments).toEqual(['heartbeat', 'heartbeat']);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['LF', '\n'],
  ])('accepts %s line endings, split at every position', (_name, eol) => {
    const stream = STREAM.split('\n').join(eol);
    for (let cut = 0; cut <= stream.length; cut += 1) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]).events).toEqual(EXPECTED);
    }
    expect(parse([...stream]).events).toEqual(EXPECTED);
  });

  it('does not read the LF of a CRLF split across chunks as a second, blank line', () => {
    const parsed = parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    expect(parsed.events).toEqual([{ type: 'message', data: 'a\nb', id: '' }]);
  });

  it('ignores empty chunks between a CR and its LF', () => {
    expect(parse(['data: a\r', '', '\n', '\r\n']).events).toEqual([{ type: 'message', data: 'a', id: '' }]);
  });

  it('strips one leading space only, and a leading BOM', () => {
    const parsed = parse(['\uFEFFdata:  two spaces\ndata:none\ndata\n\n']);
    expect(parsed.events).toEqual([{ type: 'message', data: ' two spaces\nnone\n', id: '' }]);
  });

  it('does not dispatch an event without data, nor one cut by the end of the stream', () => {
    const parsed = parse(['event: release\nid: 9\n\nevent: release\ndata: cut']);
    expect(parsed.events).toEqual([]);
    const next = new SseParser({ onEvent: () => undefined });
    next.push('id: 4\n\n');
    expect(next.lastId).toBe('4');
  });

  it('ignores invalid retry values, ids with NUL and unknown fields', () => {
    const parsed = parse(['retry: soon\nretry: 10x\nid: 1\nid: 2\u00003\nfoo: bar\ndata: x\n\n']);
    expect(parsed.retries).toEqual([]);
    expect(parsed.events).toEqual([{ type: 'message', data: 'x', id: '1' }]);
  });

  it('lets an empty id reset the last event id', () => {
    const parsed = parse(['id: 5\ndata: a\n\nid\ndata: b\n\n']);
    expect(parsed.events.map((event) => event.id)).toEqual(['5', '']);
  });

  it('resets the event type after each dispatch', () => {
    const parsed = parse(['event: advisory\ndata: a\n\ndata: b\n\n']);
    expect(parsed.events.map((event) => event.type)).toEqual(['advisory', 'message']);
  });
});
