// Types of source-bundles.mjs (plain JavaScript, as bin/exhibit-desk runs it before anything is built).
export declare const PREBUILT_WORKERS: unique symbol;
export declare function workerEntries(): Record<string, string>;
export declare function workerFileName(entry: string): string;
export declare function sourcesKey(): string;
export declare function cacheDir(): string;
export declare function sourceBundles(kind: string, entries: string[], key?: string): Promise<string>;
