// The top bar: the case, the search box, Import… and Export…, the theme switch and Help.
import type { RefObject } from 'react';
import type { CaseInfo } from '../../shared/model.ts';
import { Icon } from '../components/Icon.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import type { Theme } from './theme.ts';

interface AppHeaderProps {
  caseInfo: CaseInfo | null;
  searchRef: RefObject<HTMLInputElement | null>;
  theme: Theme;
  onToggleTheme: () => void;
  onImport: () => void;
  onExport: () => void;
  onHelp: () => void;
}

export function AppHeader({ caseInfo, searchRef, theme, onToggleTheme, onImport, onExport, onHelp }: AppHeaderProps) {
  return (
    <header className="app-header" aria-label="Case">
      <div className="brand">
        <svg className="logo" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="3" y="2.5" width="15" height="19" rx="2.5" fill="var(--accent)" />
          <rect x="6.5" y="7" width="8" height="1.8" rx="0.9" fill="var(--on-accent)" />
          <rect x="6.5" y="11" width="8" height="1.8" rx="0.9" fill="var(--on-accent)" />
          <rect x="6.5" y="15" width="5" height="1.8" rx="0.9" fill="var(--on-accent)" />
          <path d="M15.5 14.5l5 0 0 7-2.5-1.8-2.5 1.8z" fill="var(--mark-current)" />
        </svg>
        <span className="brand-name">Exhibit Desk</span>
      </div>
      <div className="case-name">
        <h1 title={caseInfo?.title}>{caseInfo?.title ?? ' '}</h1>
        {caseInfo?.readOnly && (
          <span className="badge warn" role="status" title={caseInfo.readOnly.reason}>
            Read-only: the case database is damaged
          </span>
        )}
      </div>
      <SearchBox inputRef={searchRef} />
      <div className="header-actions">
        <button type="button" className="button" onClick={onImport} title="Import files (I)">
          <Icon name="import" />
          Import…
        </button>
        <button type="button" className="button" onClick={onExport} title="Export a bundle, stamped exhibits, a list or a proof chart (X)">
          <Icon name="export" />
          Export…
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Dark theme"
          aria-pressed={theme === 'dark'}
          onClick={onToggleTheme}
          title="Switch between light and dark (D)"
        >
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
        </button>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" onClick={onHelp} title="Keyboard shortcuts (?)">
          <Icon name="keyboard" />
        </button>
      </div>
    </header>
  );
}
