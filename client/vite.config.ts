// Vite builds the browser client into dist/client, which the game server serves. The map board uses Phaser's core
// build (no physics, tilemaps, particles or sound), WebGL only, compiled from Phaser's sources with its feature
// flags resolved the way Phaser's own build does; it gets its own chunk, loaded only by the map screens.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const PHASER_FLAGS: Record<string, string> = {
  'typeof WEBGL_RENDERER': 'true',
  'typeof CANVAS_RENDERER': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof WEBGL_DEBUG': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_3D': 'false',
};

function phaserFlags(): Plugin {
  return {
    name: 'phaser-flags',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/phaser/src/')) return null;
      let out = code;
      for (const [flag, value] of Object.entries(PHASER_FLAGS)) out = out.split(flag).join(value);
      // Phaser's CommonJS sources assume webpack's `global`.
      out = out.replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser');
      return out === code ? null : { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'public',
  plugins: [phaserFlags()],
  resolve: {
    alias: { 'phaser-core': fileURLToPath(new URL('../node_modules/phaser/src/phaser-core.js', import.meta.url)) },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/phaser')) return 'phaser';
          if (
            id.includes('node_modules/socket.io') ||
            id.includes('node_modules/engine.io') ||
            id.includes('node_modules/zod')
          )
            return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
