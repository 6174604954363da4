// What every part of the workspace shares: the case's data, and the few actions that cross features.
import { createContext, useContext } from 'react';
import type { Allegations } from '../../shared/api.ts';
import type { CaseInfo, Tag } from '../../shared/model.ts';
import type { ExhibitsState } from '../features/exhibits/use-exhibits.ts';

/** Where to open an exhibit: its page, and the terms to highlight there (from a search hit). */
export interface OpenTarget {
  exhibitId: number;
  page?: number | null;
  terms?: string[];
  /** In a tab of its own, even if the exhibit is open in another. */
  newTab?: boolean;
}

export interface Workspace {
  caseInfo: CaseInfo | null;
  exhibits: ExhibitsState;
  tags: Tag[];
  allegations: Allegations | null;
  openExhibit: (target: OpenTarget) => void;
  /** Says something to screen readers and in the status bar. */
  announce: (message: string) => void;
  reloadTags: () => Promise<void>;
  reloadAllegations: () => Promise<void>;
  /** Opens Find and redact, its "selected exhibits" being these. */
  findAndRedact: (exhibitIds: readonly number[]) => void;
  /** Asks the details panel and the viewer to read the exhibit again (after a tag, an edit, a link, a redaction). */
  touch: () => void;
  revision: number;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs a WorkspaceContext provider.');
  return workspace;
}
