// Renderer entry: mounts the workspace. first-page.ts is imported first on purpose: modules run in import order, so
// the grid's first page is asked for before React and the rest of the UI start up.
import { firstPageSettled } from './features/exhibits/first-page.ts';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/theme.css';

// The workspace is drawn once with the grid's rows when they come within this (on a large case they are usually
// a few dozen ms behind the code), instead of drawn, laid out and drawn again; a slower answer shows it first.
const WAIT_FOR_ROWS_MS = 300;

await firstPageSettled(WAIT_FOR_ROWS_MS);
createRoot(document.getElementById('root')!).render(<App />);
