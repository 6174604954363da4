// The drag payload when exhibits are dragged out of the grid (onto a paragraph, to link them).
const EXHIBITS_DRAG_TYPE = 'application/x-exhibit-desk-exhibits';

export function writeDraggedExhibits(data: DataTransfer, exhibitNos: string[]): void {
  data.setData(EXHIBITS_DRAG_TYPE, JSON.stringify(exhibitNos));
  data.setData('text/plain', exhibitNos.join(', '));
  data.effectAllowed = 'link';
}

export function carriesExhibits(data: DataTransfer): boolean {
  return data.types.includes(EXHIBITS_DRAG_TYPE);
}

export function readDraggedExhibits(data: DataTransfer): string[] {
  try {
    const parsed: unknown = JSON.parse(data.getData(EXHIBITS_DRAG_TYPE) || '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
