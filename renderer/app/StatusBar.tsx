// The status line: what just happened (read out to screen readers too), and whether exhibits are still loading.
import { ProgressBar } from '../components/ProgressBar.tsx';
import { plural } from '../components/format.ts';

interface StatusBarProps {
  message: string;
  loaded: number;
  complete: boolean;
  selected: number;
}

export function StatusBar({ message, loaded, complete, selected }: StatusBarProps) {
  return (
    <footer className="status-bar">
      <p role="status" className="status-message">
        {message}
      </p>
      {!complete && (
        <div className="status-loading">
          <span className="num">Loading exhibits… {loaded.toLocaleString('en-US')}</span>
          <ProgressBar label="Loading exhibits" />
        </div>
      )}
      <span className="status-facts num">
        {selected > 1 && `${plural(selected, 'exhibit')} selected · `}
        {complete ? plural(loaded, 'exhibit') : ''}
        <span className="offline">
          <span className="offline-dot" aria-hidden="true" /> Offline · this computer only
        </span>
      </span>
    </footer>
  );
}
