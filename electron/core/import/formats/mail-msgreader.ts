// msgreader's class, loaded with require(): as an ES import, Node hands over module.exports and vitest the class.
import { createRequire } from 'node:module';
import type msgreaderModule from '@kenjiuno/msgreader';

export type { FieldsData, ParserConfig } from '@kenjiuno/msgreader';

type MsgReaderClass = typeof msgreaderModule.default;
export type MsgReader = InstanceType<MsgReaderClass>;

let loaded: MsgReaderClass | null = null;
/** Loaded by the first Outlook message: most imports have none, and each import worker would load it at start. */
export function msgReaderClass(): MsgReaderClass {
  loaded ??= (createRequire(import.meta.url)('@kenjiuno/msgreader') as typeof msgreaderModule).default;
  return loaded;
}
