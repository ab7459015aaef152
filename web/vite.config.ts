import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env.GONGXU_API ?? 'http://127.0.0.1:8787';
const proxy = { '/api': { target: apiTarget, changeOrigin: true } };

/** `vite web` (dev, /api proxied to the local API) and `vite build web` (to web/dist). */
export default defineConfig({
  root: webRoot,
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // the local server's CSP (script-src 'self') forbids inline scripts
    modulePreload: { polyfill: false },
  },
  // the web imports the browser-safe contract (schemas, types, rules) from functions/contract/
  server: { proxy, fs: { allow: [repoRoot] } },
  preview: { proxy },
});
