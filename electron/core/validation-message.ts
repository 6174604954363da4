// Turns a schema failure into one plain sentence naming the argument at fault.
import type { z } from 'zod';

export function validationMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  if (issue.code === 'unrecognized_keys') return `Unknown argument(s): ${issue.keys.join(', ')}.`;
  return `Invalid argument ${where}${issue.message}`.replace(/\.?$/, '.');
}
