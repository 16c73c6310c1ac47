/** What a key does on the reviewer's desk. */
export type ReviewShortcut = 'next' | 'previous' | 'approve' | 'return' | 'remark';

/** The key event's parts the desk looks at. */
export interface ShortcutKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The key went to a text box or a list box, which keeps its own keys. */
  isTyping: boolean;
}

/**
 * The desk's keyboard map. Moving and remarking take a plain key; the two
 * decisions take Shift as well, so a stray key cannot approve a service.
 */
export function reviewShortcut(event: ShortcutKey): ReviewShortcut | null {
  if (event.isTyping || event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.shiftKey) {
    if (key === 'a') return 'approve';
    if (key === 'r') return 'return';
    return null;
  }
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case 'm':
      return 'remark';
    default:
      return null;
  }
}
