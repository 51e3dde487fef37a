// Vite builds the browser app (src/web) into dist/web, which the server serves with an SPA
// fallback (src/server/adapters/http/app.ts). In development `vite` proxies /api to `npm start`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: '.',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Offices run old machines and browsers; evergreen targets are still the baseline (ES2022).
    target: 'es2022',
    // antd is one big vendor dependency; each page is its own chunk (React.lazy in app/routes.tsx).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, the router and the data cache change rarely and every page needs them: one
          // long-cached chunk. Ant Design stays split automatically, so a phone loading a profile
          // does not download the table and upload code of the office screens.
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
