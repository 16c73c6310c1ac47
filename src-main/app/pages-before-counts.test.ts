import { describe, expect, it } from 'vitest';
import { createPagesBeforeCounts } from './pages-before-counts';

describe('pages before counts', () => {
  it('holds a count asked together with a page until the page has been read', async () => {
    const order = createPagesBeforeCounts();
    const events: string[] = [];
    let finishPage = () => undefined as void;
    const page = order.page(async () => {
      events.push('page started');
      await new Promise<void>((resolve) => (finishPage = resolve));
      events.push('page read');
    });
    const count = order.count(() => {
      events.push('count started');
      return Promise.resolve(7);
    });
    await Promise.resolve();
    expect(events).toEqual(['page started']);

    finishPage();
    await page;
    expect(await count).toBe(7);
    expect(events).toEqual(['page started', 'page read', 'count started']);
  });

  it('starts a count at once when no page is being read, and after a failed page', async () => {
    const order = createPagesBeforeCounts();
    await expect(order.page(() => Promise.reject(new Error('disk')))).rejects.toThrow(
      'disk',
    );
    expect(await order.count(() => Promise.resolve(3))).toBe(3);
  });
});
