import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Go server serves dist/ at / and the API at /api. In development Vite
// serves the app and forwards /api to a Go server on BIC_DEV_API (default
// http://127.0.0.1:8080), so the refresh cookie stays same-origin.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // dkfds exports only its JavaScript; the compiled stylesheet (with its
      // fonts and icons, resolved relative to it) is taken by path.
      'dkfds-css': fileURLToPath(new URL('./node_modules/dkfds/dist/css/dkfds.min.css', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.BIC_DEV_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    reportCompressedSize: true,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
  },
});
