// Types of scripts/check-layers.mjs, for its tests.
export interface LayerRule {
  dir: string;
  packages: RegExp[];
  dirs: string[];
  except?: string[];
  why: string;
}
export const RULES: LayerRule[];
export function checkLayers(root: string): string[];
export function main(args: string[], out?: (text: string) => void, err?: (text: string) => void): number;
