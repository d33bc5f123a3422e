// Phaser's core build (aliased in vite.config.ts) has the same API as the full package for what the board uses.
declare module 'phaser-core' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- `export =` typings need this form.
  import Phaser = require('phaser');
  export = Phaser;
}
