import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env.GONGXU_API ?? 'http://127.0.0.1:8787';
const proxy = { '/api': { target: apiTarget, changeOrigin: true } };

/** Server modules the browser gets a light stand-in for (see each shim for why). */
const SHIMS = new Map([
  [
    fileURLToPath(new URL('../functions/regions/regions.ts', import.meta.url)),
    fileURLToPath(new URL('./src/shims/regions.ts', import.meta.url)),
  ],
]);

function browserShims(): Plugin {
  return {
    name: 'gongxu-browser-shims',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return (resolved && SHIMS.get(resolved.id)) ?? null;
    },
  };
}

/** `vite web` (dev, /api proxied to the local API) and `vite build web` (to web/dist). */
export default defineConfig({
  root: webRoot,
  plugins: [browserShims(), solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // the local server's CSP (script-src 'self') forbids inline scripts
    modulePreload: { polyfill: false },
  },
  // the web imports shared schemas and types from functions/
  server: { proxy, fs: { allow: [repoRoot] } },
  preview: { proxy },
});
