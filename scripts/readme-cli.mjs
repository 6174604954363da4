// The README's command-line usage is the CLI's own (`exhibit-desk help`), never a copy typed by hand:
// `npm run docs:cli` writes it between the README's markers; `--check` only says whether it is out of date (exit 1).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- The usage below is `exhibit-desk help`, written by npm run docs:cli; a test fails when they differ. -->';
export const END = '<!-- end of exhibit-desk help -->';

/** The usage lines of `exhibit-desk help`, as the README shows them: without the "Usage:" heading and its indent. */
export function usageOf(helpText) {
  const lines = helpText.replace(/\s+$/, '').split('\n');
  if (lines[0] !== 'Usage:') throw new Error(`exhibit-desk help did not begin with "Usage:": ${lines[0]}`);
  return lines.slice(1).map((line) => line.replace(/^ {2}/, ''));
}

/** The block between the markers, as lines (without its code fence); null when the markers are missing. */
export function readmeUsage(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + START.length, end).trim().replace(/^```\n/, '').replace(/\n```$/, '').split('\n');
}

export function withUsage(readme, usage) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no markers for the CLI usage (${START} … ${END}).`);
  return `${readme.slice(0, start + START.length)}\n\`\`\`\n${usage.join('\n')}\n\`\`\`\n${readme.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const help = execFileSync(process.execPath, [path.join(root, 'bin', 'exhibit-desk'), 'help'], { encoding: 'utf8' });
  const file = path.join(root, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const updated = withUsage(readme, usageOf(help));
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md: the command-line usage differs from `exhibit-desk help`; run npm run docs:cli');
      process.exit(1);
    }
    console.log('README.md: the command-line usage is up to date');
  } else if (updated !== readme) {
    fs.writeFileSync(file, updated);
    console.log('README.md: the command-line usage written from `exhibit-desk help`');
  }
}
