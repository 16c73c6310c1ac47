/** The IPC channel of one contract method; main and the preload share these names. */
export const methodChannel = (method: string) => `dxer:${method}`;

/** The IPC channel main sends one contract event on. */
export const eventChannel = (event: string) => `dxer-event:${event}`;
