// The native menus: File (New, Open, Open Recent, Import, Export), Edit, View, Help.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newCase(): void;
  openCase(): void;
  openRecent(dir: string): void;
  importFiles(): void;
  exportFiles(): void;
  find(): void;
}

export function menuTemplate(actions: MenuActions, recent: string[], isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Case…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newCase },
        { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: actions.openCase },
        {
          label: 'Open Recent',
          submenu: recent.length ? recent.map((dir) => ({ label: dir, click: () => actions.openRecent(dir) })) : [{ label: 'No recent cases', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: actions.importFiles },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: actions.exportFiles },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Case', accelerator: 'CmdOrCtrl+F', click: actions.find },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
  ];
}
