import { defineConfig } from 'vitest/config';

/**
 * Every test runs in Node: the web UI is tested in real Chromium against the built bundle
 * (tests/web), so no DOM emulation and no Solid transform are needed here.
 */
export default defineConfig({
  test: {
    environment: 'node',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/soak/**', 'node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    // A safety net, not a speed target: on a shared 2-core machine a test that seeds the demo or
    // runs a browser journey can take several times its quiet-machine time (benches measure speed).
    testTimeout: 120_000,
    // expect.poll waits for a state, not for a time: its bound is a safety net well inside the
    // test's own timeout (the default of 1 s made slow-but-correct steps fail under load)
    expect: { poll: { timeout: 20_000, interval: 50 } },
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
