// Most tests run real parts — Python and Django, PostgreSQL, nginx + gunicorn, git, pre-commit — whose start-up
// alone takes seconds on a loaded 2-core runner; vitest's 5 s default turned those into flaky failures. A test
// that needs longer still says so itself.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
