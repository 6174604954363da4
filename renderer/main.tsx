// Renderer entry: mounts the workspace.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/theme.css';
import { prefetchExhibits } from './features/exhibits/use-exhibits.ts';

prefetchExhibits();
createRoot(document.getElementById('root')!).render(<App />);
