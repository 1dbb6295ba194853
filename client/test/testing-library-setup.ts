import { configure } from '@testing-library/react';

// findBy*/waitFor wait for a page to settle. On a two-core runner beside the engine-backed projects
// a page's first render can take over testing-library's default 1 s; this is a hang guard, not a
// measurement (no assertion depends on it), so it is generous.
configure({ asyncUtilTimeout: 5_000 });
