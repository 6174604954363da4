// Files dragged from the desktop onto the window: an overlay while they hover, an import when they land: by their
// paths in the desktop app, by sending them (folders walked) to the local server in browser mode.
import { useEffect, useState } from 'react';
import { importSource } from '../../api/import-source.ts';
import { Icon } from '../../components/Icon.tsx';
import type { ImportRequest } from './ImportDialog.tsx';
import { filesOfDrop } from './send-files.ts';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

export function DropZone({ onDrop }: { onDrop: (request: ImportRequest) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const transfer = e.dataTransfer;
      const files = Array.from(transfer?.files ?? []);
      if (!transfer || files.length === 0) return;
      const paths = importSource.pathsOf(files);
      if (paths) return onDrop({ paths });
      void filesOfDrop(transfer).then((sent) => sent.length > 0 && onDrop({ files: sent }));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);

  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <Icon name="import" size={28} />
        <p>Drop files or folders to import them</p>
        <p className="muted">Originals are copied into the case's vault and never changed.</p>
      </div>
    </div>
  );
}
