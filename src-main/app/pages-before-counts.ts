/**
 * Orders list work on the local store's single connection so a page is
 * never queued behind an exact count. The renderer asks for a new query's
 * first page and its count at once; the connection runs statements in the
 * order they are queued, so without this the page could wait out a count
 * that walks the whole registry. A count starts only when no page is being
 * read; a page asked for while a count runs still waits for that statement.
 */
export interface PagesBeforeCounts {
  page<T>(read: () => Promise<T>): Promise<T>;
  count<T>(read: () => Promise<T>): Promise<T>;
}

/** A fresh ordering for one local store. */
export function createPagesBeforeCounts(): PagesBeforeCounts {
  let pagesReading = 0;
  let waiting: Array<() => void> = [];

  return {
    async page(read) {
      pagesReading += 1;
      try {
        return await read();
      } finally {
        pagesReading -= 1;
        if (pagesReading === 0) {
          const ready = waiting;
          waiting = [];
          ready.forEach((start) => start());
        }
      }
    },
    async count(read) {
      while (pagesReading > 0) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      return read();
    },
  };
}
