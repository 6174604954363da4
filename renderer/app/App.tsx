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
import { DocumentViewer } from '../features/viewer/DocumentViewer.tsx';
import type { ViewTarget } from '../features/viewer/PdfViewer.tsx';
import { AppHeader } from './AppHeader.tsx';
import { HelpSheet } from './HelpSheet.tsx';
import { useGlobalShortcuts, type GlobalAction } from './shortcuts.ts';
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
import '../features/redaction/redaction.css';
import '../features/chronology/chronology.css';

type View = 'exhibits' | 'chronology' | 'document';

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
  const [open, setOpen] = useState<{ exhibitId: number; target: ViewTarget } | null>(null);
  const [paragraph, setParagraph] = useState<number | null>(null);
  const [importRequest, setImportRequest] = useState<ImportRequest | null>(null);
  const [linking, setLinking] = useState<string[] | null>(null);
  const [exporting, setExporting] = useState(false);
  const [help, setHelp] = useState(false);
  const [findRedact, setFindRedact] = useState<FindRedactScope | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const factListRef = useRef<HTMLDivElement>(null);
  const [factCount, setFactCount] = useState<number | null>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const nonce = useRef(0);

  useEffect(() => {
    void api.caseInfo({}).then((info) => {
      setCaseInfo(info);
      document.title = `${info.title} — Exhibit Desk`;
      if (info.readOnly) setMessage(info.readOnly.reason);
    });
  }, []);

  const touch = useCallback(() => setRevision((r) => r + 1), []);
  const openExhibit = useCallback((t: OpenTarget) => {
    setOpen({ exhibitId: t.exhibitId, target: { page: t.page ?? null, terms: t.terms ?? [], nonce: ++nonce.current } });
    setSelection(selectOnly(t.exhibitId));
    setView('document');
  }, []);
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
  const linkSelected = useCallback(() => {
    if (selectedNumbers.length > 0) setLinking(selectedNumbers);
  }, [selectedNumbers]);

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
        document: () => open && setView('document'),
        tag: () => tagInputRef.current?.focus(),
        link: linkSelected,
        allegations: () => document.querySelector<HTMLElement>('.allegations .paragraph[tabindex="0"]')?.focus(),
        redact: () => findAndRedact(selectedIds),
      };
      actions[action]();
    },
    [toggleTheme, open, linkSelected, findAndRedact, selectedIds],
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

  const openNo = open ? exhibits.byId.get(open.exhibitId)?.exhibitNo : undefined;
  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="app">
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
            <div role="tablist" aria-label="Views" className="tablist">
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
              {open && (
                <button
                  type="button"
                  role="tab"
                  id="tab-document"
                  aria-controls="panel-document"
                  aria-selected={view === 'document'}
                  className="tab tab-closable"
                  onClick={() => setView('document')}
                >
                  {openNo ?? 'Document'}
                </button>
              )}
            </div>
            {/* Beside the tab list, not in it (a tab list holds only tabs), drawn inside the document's tab. */}
            {open && (
              <button
                type="button"
                className="icon-button small tab-close"
                aria-label="Close document"
                onClick={() => {
                  setOpen(null);
                  setView('exhibits');
                }}
              >
                <Icon name="close" size={13} />
              </button>
            )}
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
          {open && (
            <div role="tabpanel" id="panel-document" aria-labelledby="tab-document" className="tab-panel" hidden={view !== 'document'}>
              <DocumentViewer exhibitId={open.exhibitId} target={open.target} defaultParagraph={paragraph} onLink={setLinking} />
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
      <LinkDialog exhibits={linking} defaultParagraph={paragraph} onClose={() => setLinking(null)} />
      <HelpSheet open={help} onClose={() => setHelp(false)} />
      <FindRedactDialog scope={findRedact} onClose={() => setFindRedact(null)} />
    </WorkspaceContext.Provider>
  );
}
