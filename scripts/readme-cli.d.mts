// Types of scripts/readme-cli.mjs, for its test.
export const START: string;
export const END: string;
export function usageOf(helpText: string): string[];
export function readmeUsage(readme: string): string[] | null;
export function withUsage(readme: string, usage: string[]): string;
