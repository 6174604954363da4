// The README's command-line section is the CLI's own usage text (one CLI spawn): `npm run docs:cli` rewrites it.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { readmeUsage, usageOf } from '../../scripts/readme-cli.mjs';
import { cli } from '../fixtures/cli.ts';

describe('the README’s command line', () => {
  it('is exactly what `exhibit-desk help` prints', async () => {
    const help = await cli('help');
    expect(help.code).toBe(0);
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readmeUsage(readme), 'README.md differs from `exhibit-desk help`: run npm run docs:cli').toEqual(usageOf(help.stdout));
  });
});
