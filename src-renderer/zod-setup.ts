import { z } from 'zod';

// zod compiles fast parsers with `new Function`, which the page's
// Content-Security-Policy (no 'unsafe-eval') forbids; its probe for that
// would log a CSP violation. Imported first so no schema runs before it.
z.config({ jitless: true });
