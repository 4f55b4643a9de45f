import { z } from 'zod';

// Zod compiles object parsers with `new Function` where it may. Under the console's CSP it may not, and its probe
// for that is reported as a CSP violation on every page that parses: so it is told not to try.
z.config({ jitless: true });
