// Which build of better-sqlite3's native module this process loads: Node's by default, Electron's in the app,
// whose ABI differs. A process runs one runtime, so this is set once, at start-up, by the host.

let binding: string | undefined;

export function useSqliteBinding(path: string | undefined): void {
  binding = path;
}

export function sqliteBinding(): string | undefined {
  return binding;
}
