// Types of electron-build.mjs, for the test that checks the packaged build takes every worker.
export declare const ELECTRON_OUT: string;
export declare function electronEntryPoints(): Record<string, string>;
export declare function buildElectron(): Promise<string>;
