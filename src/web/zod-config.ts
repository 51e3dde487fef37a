// Imported first by main.tsx. The CSP forbids eval (adapters/http/app.ts: script-src 'self', no
// 'unsafe-eval'), so zod's compiled validators could never run here anyway; without `jitless` zod
// still probes `new Function` once, which the browser reports as a CSP violation on every page.
import { z } from 'zod';

z.config({ jitless: true });
