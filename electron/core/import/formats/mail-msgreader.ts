// msgreader's class, loaded with require(): as an ES import, Node hands over module.exports and vitest the class.
import { createRequire } from 'node:module';
import type msgreaderModule from '@kenjiuno/msgreader';

export type { FieldsData, ParserConfig } from '@kenjiuno/msgreader';

export const MsgReader = (createRequire(import.meta.url)('@kenjiuno/msgreader') as typeof msgreaderModule).default;
export type MsgReader = InstanceType<typeof MsgReader>;
