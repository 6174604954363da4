// What the app remembers between runs (recent cases, window bounds), in one JSON file in the user data folder.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const MAX_RECENT = 10;

const stateSchema = z.object({
  recentCases: z.array(z.string().min(1)).max(MAX_RECENT).catch([]),
  window: z
    .object({
      width: z.number().int().min(400).max(20_000),
      height: z.number().int().min(300).max(20_000),
      x: z.number().int().optional(),
      y: z.number().int().optional(),
      maximized: z.boolean().optional(),
    })
    .catch({ width: 1440, height: 900 }),
});

export type AppState = z.output<typeof stateSchema>;

export function createAppState(userDataDir: string) {
  const file = path.join(userDataDir, 'app-state.json');
  let state: AppState;
  try {
    state = stateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    // A missing or damaged state file costs only the recent list and window size.
    state = stateSchema.parse({});
  }
  const save = () => {
    fs.mkdirSync(userDataDir, { recursive: true });
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(state, null, 2));
    fs.renameSync(temp, file);
  };
  return {
    get: () => state,
    rememberCase(dir: string) {
      state.recentCases = [dir, ...state.recentCases.filter((d) => d !== dir)].slice(0, MAX_RECENT);
      save();
    },
    rememberWindow(bounds: AppState['window']) {
      state.window = bounds;
      save();
    },
  };
}

export type AppStateStore = ReturnType<typeof createAppState>;
