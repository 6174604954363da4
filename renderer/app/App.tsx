// The workspace: allegations on the left, the exhibits grid or the open document in the middle, details on the
// right; it holds what they share (the case's data, the selection, the open document) and the global shortcuts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseInfo, ImportReport } from '../../shared/model.ts';
import { api, bridge } from '../api/api.ts';
import { Icon } from '../components/Icon.tsx';
import { AllegationsPane } from '../features/allegations/AllegationsPane.tsx';
import { LinkDialog } from '../features/allegations/LinkDialog.tsx';
import { useAllegations } from '../features/allegations/use-allegations.ts';
import { ChronologyView } from '../features/chronology/ChronologyView.tsx';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { ExhibitsView } from '../features/exhibits/ExhibitsView.tsx';
import { NO_CHOICE, type FilterChoice } from '../features/exhibits/FilterBar.tsx';
import { NO_SELECTION, selectOnly, type Selection } from '../features/exhibits/selection.ts';
import { useExhibits } from '../features/exhibits/use-exhibits.ts';
import { useTags } from '../features/exhibits/use-tags.ts';
import { ExportDialog } from '../features/export/ExportDialog.tsx';
import { DropZone } from '../features/import/DropZone.tsx';
import { ImportDialog, type ImportRequest } from '../features/import/ImportDialog.tsx';
import { useImport } from '../features/import/use-import.ts';
import { FindRedactDialog, type FindRedactScope } from '../features/redaction/FindRedactDialog.tsx';
import { NotesView } from '../features/notes/NotesView.tsx';
import { search } from '../features/search/search-state.ts';
import { SearchPane } from '../features/search/SearchPane.tsx';
import { DocumentTabs, documentTabId, HistoryButtons, useDocumentKeys } from '../features/viewer/DocumentTabs.tsx';
import { DocumentViewer } from '../features/viewer/DocumentViewer.tsx';
import { useDocuments } from '../features/viewer/use-documents.ts';
import { UndoToast } from '../components/UndoToast.tsx';
import { AppHeader } from './AppHeader.tsx';
import { HelpSheet } from './HelpSheet.tsx';
import { useGlobalShortcuts, type GlobalAction } from './shortcuts.ts';
import { PanelToggle, useSidePanels } from './side-panels.tsx';
import { StatusBar } from './StatusBar.tsx';
import { useTheme } from './theme.ts';
import { WorkspaceContext, type OpenTarget, type Workspace } from './workspace.tsx';
import './layout.css';
import '../components/components.css';
import '../features/exhibits/exhibits.css';
import '../features/viewer/viewer.css';
import '../features/search/search.css';
import '../features/allegations/allegations.css';
import '../features/import/import.css';
import '../features/export/export.css';
import '../features/details/details.css';
import '../features/trial/trial.css';
import '../features/redaction/redaction.css';
import '../features/chronology/chronology.css';
import '../features/notes/notes.css';

type View = 'exhibits' | 'chronology' | 'notes' | 'document';

export function App() {
  const [caseInfo, setCaseInfo] = useState<CaseInfo | null>(null);
  const exhibits = useExhibits();
  const { tags, reload: reloadTags } = useTags();
  const { allegations, reload: reloadAllegations } = useAllegations();
  const { theme, toggle: toggleTheme } = useTheme();
  const [revision, setRevision] = useState(0);
  const [message, setMessage] = useState('');
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [choice, setChoice] = useState<FilterChoice>(NO_CHOICE);
  const [view, setView] = useState<View>('exhibits');
  const documents = useDocuments();
  const open = documents.active;
  const [noteCount, setNoteCount] = useState<number | null>(null);
  // The Notes tab reads the case's notes only once it has been shown.
  const [notesShown, setNotesShown] = useState(false);
  const [paragraph, setParagraph] = useState<number | null>(null);
  const [importRequest, setImportRequest] = useState<ImportRequest | null>(null);
  const [linking, setLinkingState] = useState<{ exhibits: string[]; page?: number } | null>(null);
  const setLinking = useCallback((exhibits: string[] | null, page?: number) => setLinkingState(exhibits ? { exhibits, page } : null), []);
  const [exporting, setExporting] = useState(false);
  const [help, setHelp] = useState(false);
  const [findRedact, setFindRedact] = useState<FindRedactScope | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const factListRef = useRef<HTMLDivElement>(null);
  const tabListRef = useRef<HTMLDivElement>(null);
  const [factCount, setFactCount] = useState<number | null>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const panels = useSidePanels();

  useEffect(() => {
    void api.caseInfo({}).then((info) => {
      setCaseInfo(info);
      document.title = `${info.title} — Exhibit Desk`;
      if (info.readOnly) setMessage(info.readOnly.reason);
    });
  }, []);

  const touch = useCallback(() => setRevision((r) => r + 1), []);
  const openDocument = documents.open;
  const openExhibit = useCallback(
    (t: OpenTarget) => {
      openDocument(t);
      setSelection(selectOnly(t.exhibitId));
      setView('document');
    },
    [openDocument],
  );
  useEffect(() => {
    if (view === 'notes') setNotesShown(true);
    // The search results stay beside a document while it is read; going to another view puts them away (the search box
    // brings them back), so that the details beside the grid are not covered.
    if (view !== 'document') search.close();
  }, [view]);
  const findAndRedact = useCallback((exhibitIds: readonly number[]) => setFindRedact({ exhibitIds: [...exhibitIds] }), []);

  const workspace: Workspace = useMemo(
    () => ({
      caseInfo,
      exhibits,
      tags,
      allegations,
      openExhibit,
      findAndRedact,
      announce: setMessage,
      reloadTags,
      reloadAllegations,
      touch,
      revision,
    }),
    [caseInfo, exhibits, tags, allegations, openExhibit, findAndRedact, reloadTags, reloadAllegations, touch, revision],
  );

  const onImported = useCallback(
    async (report: ImportReport) => {
      await Promise.all([exhibits.reload(), reloadTags()]);
      touch();
      setMessage(
        `Imported ${report.imported.length}, ${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'}, ${report.failed.length} failed${report.cancelled ? ' (cancelled)' : ''}.`,
      );
    },
    [exhibits, reloadTags, touch],
  );
  const importer = useImport(onImported);
  const resetImport = importer.reset;
  const closeImport = useCallback(() => {
    setImportRequest(null);
    resetImport();
  }, [resetImport]);

  const selectedIds = useMemo(() => {
    if (view === 'document' && open) return [open.exhibitId];
    if (selection.ids.size > 1) return [...selection.ids];
    return selection.active !== null ? [selection.active] : [...selection.ids];
  }, [view, open, selection]);

  const selectedNumbers = useMemo(
    () => selectedIds.map((id) => exhibits.byId.get(id)?.exhibitNo).filter((n): n is string => n !== undefined),
    [selectedIds, exhibits.byId],
  );
  const documentPage = view === 'document' && open ? open.target.page : null;
  const linkSelected = useCallback(() => {
    if (selectedNumbers.length > 0) setLinking(selectedNumbers, documentPage ?? undefined);
  }, [selectedNumbers, documentPage, setLinking]);

  // Ctrl+Tab: the next tab of the workspace (Exhibits, Chronology, Notes, then each document), as a browser's.
  const cycleTabs = useCallback(
    (by: 1 | -1) => {
      const order: { view: View; tabId?: number }[] = [
        { view: 'exhibits' },
        { view: 'chronology' },
        { view: 'notes' },
        ...documents.tabs.map((t) => ({ view: 'document' as const, tabId: t.id })),
      ];
      const at = order.findIndex((o) => o.view === view && (view !== 'document' || o.tabId === open?.id));
      const next = order[(at + by + order.length) % order.length]!;
      if (next.tabId !== undefined) documents.select(next.tabId);
      setView(next.view);
      requestAnimationFrame(() => tabListRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
    },
    [documents, view, open],
  );
  useDocumentKeys(documents, cycleTabs);
  const closeDocument = useCallback(
    (tabId: number) => {
      const last = documents.tabs.length === 1;
      documents.close(tabId);
      if (last) setView('exhibits');
    },
    [documents],
  );

  const runShortcut = useCallback(
    (action: GlobalAction) => {
      const actions: Record<GlobalAction, () => void> = {
        search: () => searchRef.current?.focus(),
        import: () => setImportRequest({}),
        export: () => setExporting(true),
        help: () => setHelp(true),
        theme: toggleTheme,
        exhibits: () => {
          setView('exhibits');
          requestAnimationFrame(() => gridRef.current?.focus());
        },
        chronology: () => {
          setView('chronology');
          requestAnimationFrame(() => factListRef.current?.focus());
        },
        notes: () => setView('notes'),
        document: () => open && setView('document'),
        tag: () => {
          panels.show('details');
          requestAnimationFrame(() => tagInputRef.current?.focus());
        },
        link: linkSelected,
        allegations: () => {
          panels.show('allegations');
          requestAnimationFrame(() => document.querySelector<HTMLElement>('.allegations .paragraph[tabindex="0"]')?.focus());
        },
        toggleAllegations: () => panels.toggle('allegations'),
        toggleDetails: () => panels.toggle('details'),
        redact: () => findAndRedact(selectedIds),
      };
      actions[action]();
    },
    [toggleTheme, open, linkSelected, findAndRedact, selectedIds, panels],
  );
  useGlobalShortcuts(runShortcut);

  // The desktop app's menus speak through the bridge; browser mode has none.
  useEffect(
    () =>
      bridge.onAppCommand?.((command) => {
        if (command.kind === 'import') setImportRequest({ paths: command.paths });
        else if (command.kind === 'find') searchRef.current?.focus();
        else if (command.kind === 'case-opened') window.location.reload();
        else if (command.kind === 'export') setExporting(true);
      }),
    [],
  );

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className={panels.className}>
        <AppHeader
          caseInfo={caseInfo}
          searchRef={searchRef}
          theme={theme}
          onToggleTheme={toggleTheme}
          onImport={() => setImportRequest({})}
          onExport={() => setExporting(true)}
          onHelp={() => setHelp(true)}
        />
        <AllegationsPane
          selected={paragraph}
          onSelect={setParagraph}
          onShowInGrid={(n) => {
            setChoice({ ...NO_CHOICE, paragraph: n });
            setView('exhibits');
          }}
        />
        <main className="workspace" aria-label="Workspace">
          <div className="tabs">
            <PanelToggle panel="allegations" folded={panels.folded.allegations} onToggle={panels.toggle} />
            <HistoryButtons documents={documents} />
            <div ref={tabListRef} role="tablist" aria-label="Views" className="tablist">
              <button
                type="button"
                role="tab"
                id="tab-exhibits"
                aria-controls="panel-exhibits"
                aria-selected={view === 'exhibits'}
                className="tab"
                onClick={() => setView('exhibits')}
              >
                Exhibits
                <span className="tab-count num">
                  {exhibits.fetched.toLocaleString('en-US')}
                  {exhibits.complete ? '' : '…'}
                </span>
              </button>
              <button
                type="button"
                role="tab"
                id="tab-chronology"
                aria-controls="panel-chronology"
                aria-selected={view === 'chronology'}
                className="tab"
                onClick={() => setView('chronology')}
              >
                Chronology
                {factCount !== null && <span className="tab-count num">{factCount.toLocaleString('en-US')}</span>}
              </button>
              <button
                type="button"
                role="tab"
                id="tab-notes"
                aria-controls="panel-notes"
                aria-selected={view === 'notes'}
                className="tab"
                onClick={() => setView('notes')}
              >
                Notes
                {noteCount !== null && <span className="tab-count num">{noteCount.toLocaleString('en-US')}</span>}
              </button>
              <DocumentTabs
                documents={documents}
                exhibitOf={(id) => exhibits.byId.get(id)}
                showing={view === 'document'}
                onShow={(tabId) => {
                  documents.select(tabId);
                  setView('document');
                }}
                onClose={closeDocument}
              />
            </div>
            {/* Beside the tab list, not in it (a tab list holds only tabs): closes the document shown. */}
            {open && view === 'document' && (
              <button type="button" className="icon-button small tab-close" aria-label="Close document" title="Close document (Delete on its tab)" onClick={() => closeDocument(open.id)}>
                <Icon name="close" size={13} />
              </button>
            )}
            <PanelToggle panel="details" folded={panels.folded.details} onToggle={panels.toggle} />
          </div>
          <div role="tabpanel" id="panel-exhibits" aria-labelledby="tab-exhibits" className="tab-panel" hidden={view !== 'exhibits'}>
            <ExhibitsView
              selection={selection}
              onSelectionChange={setSelection}
              choice={choice}
              onChoiceChange={setChoice}
              onImport={() => setImportRequest({})}
              gridRef={gridRef}
            />
          </div>
          <div role="tabpanel" id="panel-chronology" aria-labelledby="tab-chronology" className="tab-panel" hidden={view !== 'chronology'}>
            <ChronologyView listRef={factListRef} onCount={setFactCount} />
          </div>
          <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" className="tab-panel" hidden={view !== 'notes'}>
            {notesShown && <NotesView onCount={setNoteCount} />}
          </div>
          {open && (
            <div role="tabpanel" id="panel-document" aria-labelledby={documentTabId(open.id)} className="tab-panel" hidden={view !== 'document'}>
              <DocumentViewer
                key={open.id}
                exhibitId={open.exhibitId}
                target={open.target}
                defaultParagraph={paragraph}
                onLink={setLinking}
                onPage={(page) => documents.readPage(open.id, page)}
              />
            </div>
          )}
        </main>
        <DetailsPanel
          exhibitIds={selectedIds}
          tagInputRef={tagInputRef}
          onLink={setLinking}
          onSelectParagraph={setParagraph}
          onKind={(kind) => {
            setChoice({ ...NO_CHOICE, kind });
            setView('exhibits');
          }}
          onTag={(tag) => {
            setChoice({ ...NO_CHOICE, tag });
            setView('exhibits');
          }}
        />
        <SearchPane />
        <StatusBar message={message} loaded={exhibits.fetched} complete={exhibits.complete} selected={selection.ids.size} />
      </div>
      <DropZone onDrop={setImportRequest} />
      <ImportDialog
        request={importRequest}
        phase={importer.phase}
        onStart={importer.start}
        onCancel={importer.cancel}
        onClose={closeImport}
        onShowImported={(report) => {
          const ids = report.imported.filter((i) => i.parentId === null).map((i) => i.id);
          setSelection({ ids: new Set(ids), active: ids[0] ?? null, anchor: ids[0] ?? null });
          setView('exhibits');
          closeImport();
        }}
      />
      <ExportDialog open={exporting} selected={selectedNumbers} onClose={() => setExporting(false)} />
      <LinkDialog exhibits={linking?.exhibits ?? null} page={linking?.page} defaultParagraph={paragraph} onClose={() => setLinking(null)} />
      <UndoToast />
      <HelpSheet open={help} onClose={() => setHelp(false)} />
      <FindRedactDialog scope={findRedact} onClose={() => setFindRedact(null)} />
    </WorkspaceContext.Provider>
  );
}
