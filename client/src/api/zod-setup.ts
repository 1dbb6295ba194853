import { z } from 'zod';

// WeChat forbids generating code at run time (new Function), which zod uses for fast parsers unless
// told otherwise. Imported for this side effect before any schema parses. (Do not re-export `z`
// from here: webpack then keeps all of zod, every locale included.)
z.config({ jitless: true });
