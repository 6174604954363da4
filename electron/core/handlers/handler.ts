// The type every group of core handlers implements: contract methods over already-validated arguments.
import type { CallOptions, MethodName, ParsedArgsOf, ResultOf } from '../../../shared/api.ts';

export type Handlers = {
  [K in MethodName]: (args: ParsedArgsOf<K>, options: CallOptions) => ResultOf<K> | Promise<ResultOf<K>>;
};

export type HandlerGroup<K extends MethodName> = Pick<Handlers, K>;
