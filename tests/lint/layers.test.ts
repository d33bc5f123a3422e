// The habits of docs/architecture.md as checks: `npm run lint` fails on an import across a forbidden layer boundary
// and on a formatting error. Each case lints a real file of the tree with one line added.
import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(file: string, importLine: string): Promise<string[]> {
  const text = `${importLine}\n${await readFile(file, 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/model/market.ts', "import '../../server/config.js';", 'shared/'],
    ['shared/model/market.ts', "import '../protocol/errors.js';", 'rules model'],
    ['shared/model/market.ts', "import { readFile } from 'node:fs';", 'I/O'],
    ['client/src/ui/dom.ts', "import '../../../server/config.js';", 'never imports the server'],
    ['client/src/projector/leaderboard.ts', "import '../student/context.js';", 'does not import another screen'],
    ['server/store/sqlite.ts', "import '../sessions/runtime.js';", 'below the sessions'],
  ])('%s may not %s', async (file, importLine, why) => {
    const messages = await restrictedImports(file, importLine);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join(' ')).toContain(why);
  });

  it('an allowed import passes', async () => {
    expect(await restrictedImports('client/src/projector/leaderboard.ts', "import '../ui/names.js';")).toEqual([]);
  });
});

describe('formatting', () => {
  it('prettier rejects a badly formatted file and accepts the tree as it is', async () => {
    const file = 'shared/model/market.ts';
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const text = await readFile(file, 'utf8');
    expect(await prettier.check(text, options)).toBe(true);
    expect(await prettier.check(text.replace(/;\n/, ';;   \n'), options)).toBe(false);
  });
});
