// Renderer entry: mounts the workspace.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/theme.css';

createRoot(document.getElementById('root')!).render(<App />);
