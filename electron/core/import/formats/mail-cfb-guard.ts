// Checks an Outlook file's compound-file structure before msgreader reads it. msgreader follows sector chains and
// directory links until they end, without noticing a loop, and recurses through storages without a depth limit, so a
// crafted file could make it spin forever or overflow the stack. This walks the same links msgreader will walk, the
// same way (including its clamping of out-of-range offsets), but notices loops and counts its steps.
import { UserError } from '../../../../shared/errors.ts';

const END_OF_CHAIN = -2;
const NO_INDEX = -1;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;
const MINI_STREAM_CUTOFF = 4096;
const ENTRY_SIZE = 128;
const HEADER_FAT_SLOTS = 109;
// A message inside a message adds two storage levels; 40 levels is far beyond any real correspondence.
const MAX_STORAGE_DEPTH = 40;

interface Entry {
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function checkCompoundFile(bytes: Uint8Array): void {
  if (bytes.length < 512) damaged('it is shorter than the smallest possible message.');
  new CompoundFile(bytes).check();
}

function damaged(reason: string): never {
  throw new UserError('damaged', `The Outlook message is damaged: ${reason}`);
}

class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly perSector: number;
  private readonly sectorCount: number;
  private fat: number[] = [];
  private miniFat: number[] = [];
  private steps = 0;
  private readonly maxSteps: number;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.sectorSize = this.byte(30) === 12 ? 4096 : 512;
    this.perSector = this.sectorSize / 4;
    this.sectorCount = Math.ceil(bytes.length / this.sectorSize);
    // A sound file walks each of its sectors and mini sectors once; chains that share sectors walk more.
    this.maxSteps = Math.ceil(bytes.length / 16) + 4096;
  }

  check(): void {
    this.readFat();
    this.readMiniFat();
    const entries = this.readDirectory();
    const streams = this.reachableStreams(entries);
    this.walk(entries[0]!.start, this.fat);
    let total = 0;
    for (const stream of streams) {
      if (stream.size > this.bytes.length) damaged('a part of it claims to be larger than the whole file.');
      total += Math.max(stream.size, 0);
      if (stream.size !== 0 && stream.size < MINI_STREAM_CUTOFF) this.walk(stream.start, this.miniFat);
    }
    if (total > 2 * this.bytes.length + 65536) damaged('its parts claim more data than the file holds.');
  }

  private readFat(): void {
    const fatSectors = this.int(0x2c);
    const difatStart = this.int(0x44);
    const difatCount = this.int(0x48);
    if (fatSectors < 0 || fatSectors > this.sectorCount || difatCount > this.sectorCount) {
      damaged('its allocation table is larger than the file.');
    }
    for (let i = 0; i < Math.min(fatSectors, HEADER_FAT_SLOTS); i++) this.fat.push(this.int(0x4c + 4 * i));
    let remaining = fatSectors - Math.min(fatSectors, HEADER_FAT_SLOTS);
    let sector = difatStart;
    for (let i = 0; i < difatCount; i++) {
      const base = (sector + 1) * this.sectorSize;
      const take = Math.min(remaining, this.perSector - 1);
      for (let j = 0; j < take; j++) {
        const value = this.int(base + 4 * j);
        if (value === NO_INDEX || value === END_OF_CHAIN) break;
        this.fat.push(value);
      }
      remaining -= take;
      sector = this.int(base + 4 * (this.perSector - 1));
      if (sector === NO_INDEX || sector === END_OF_CHAIN) break;
    }
  }

  private readMiniFat(): void {
    const count = this.int(0x40);
    if (count > this.sectorCount) damaged('its small-block table is larger than the file.');
    let sector = this.int(0x3c);
    // msgreader stops at sector 0 as well as at the end of the chain; the count bounds the rest.
    for (let i = 0; i < count && sector !== 0 && sector !== END_OF_CHAIN; i++) {
      this.miniFat.push(sector);
      sector = this.next(sector, this.fat);
    }
  }

  private readDirectory(): Entry[] {
    const entries: Entry[] = [];
    const seen = new Set<number>();
    for (let sector = this.int(0x30); sector !== END_OF_CHAIN; sector = this.next(sector, this.fat)) {
      this.step(seen, sector);
      const base = (sector + 1) * this.sectorSize;
      for (let k = 0; k < this.sectorSize / ENTRY_SIZE; k++) {
        const at = base + k * ENTRY_SIZE;
        if (this.bytes.length < at + 0x42) break;
        entries.push(this.entry(at));
      }
    }
    if (entries.length === 0) damaged('it has no directory.');
    return entries;
  }

  private entry(at: number): Entry {
    const type = this.byte(at + 0x42);
    if (type !== STORAGE && type !== STREAM && type !== ROOT) {
      return { type, left: NO_INDEX, right: NO_INDEX, child: NO_INDEX, start: 0, size: 0 };
    }
    return {
      type,
      left: this.int(at + 0x44),
      right: this.int(at + 0x48),
      child: this.int(at + 0x4c),
      start: this.int(at + 0x74),
      size: this.int(at + 0x78),
    };
  }

  /** Every stream msgreader may read: the tree under the root entry, each entry reached once and not too deep. */
  private reachableStreams(entries: Entry[]): Entry[] {
    const reached = new Uint8Array(entries.length);
    reached[0] = 1;
    const streams: Entry[] = [];
    const storages = [{ entry: entries[0]!, depth: 0 }];
    for (let storage = storages.pop(); storage; storage = storages.pop()) {
      const pending = storage.entry.child === NO_INDEX ? [] : [storage.entry.child];
      for (let index = pending.pop(); index !== undefined; index = pending.pop()) {
        const entry = entries[index];
        if (entry === undefined) damaged('its directory points to an entry that does not exist.');
        if (reached[index]) damaged('its directory loops back on itself.');
        reached[index] = 1;
        if (entry.type === STORAGE) {
          if (storage.depth >= MAX_STORAGE_DEPTH) damaged('its folders are nested too deeply.');
          storages.push({ entry, depth: storage.depth + 1 });
        } else if (entry.type === STREAM) {
          streams.push(entry);
        }
        if (entry.right !== NO_INDEX) pending.push(entry.right);
        if (entry.left !== NO_INDEX) pending.push(entry.left);
      }
    }
    return streams;
  }

  private walk(start: number, table: number[]): void {
    const seen = new Set<number>();
    for (let block = start; block !== END_OF_CHAIN; block = this.next(block, table)) this.step(seen, block);
  }

  private step(seen: Set<number>, block: number): void {
    if (seen.has(block)) damaged('a chain of its sectors loops back on itself.');
    seen.add(block);
    if (++this.steps > this.maxSteps) damaged('its sector chains overlap.');
  }

  /** The block after `block` in a chain, read the way msgreader reads it. */
  private next(block: number, table: number[]): number {
    const sector = table[Math.floor(block / this.perSector)];
    if (sector === undefined) return END_OF_CHAIN;
    return this.int((sector + 1) * this.sectorSize + 4 * (block % this.perSector));
  }

  // msgreader clamps every offset into the file before reading; a read that then runs past the end throws there.
  private clamp(offset: number): number {
    const at = Math.max(0, Math.min(this.bytes.length, offset));
    return Number.isFinite(at) ? at : 0;
  }

  private int(offset: number): number {
    const at = this.clamp(offset);
    if (at + 4 > this.bytes.length) damaged('it ends in the middle of its structure.');
    return this.view.getInt32(at, true);
  }

  private byte(offset: number): number {
    const at = this.clamp(offset);
    if (at + 1 > this.bytes.length) damaged('it ends in the middle of its structure.');
    return this.view.getInt8(at);
  }
}
