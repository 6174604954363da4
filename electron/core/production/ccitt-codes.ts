// The ITU-T T.4 code words a Group 4 (T.6) encoder writes: Modified Huffman run lengths for white and black
// (terminating codes 0–63, make-up codes 64–1728, the extended make-up codes 1792–2560 both colours share) and the
// 2-D mode codes. Written out as bit strings, as the recommendation tabulates them, and packed once at load.

// Terminating codes, run length 0 to 63 (T.4 Table 2).
const WHITE_TERMINATING = [
  '00110101', '000111', '0111', '1000', '1011', '1100', '1110', '1111',
  '10011', '10100', '00111', '01000', '001000', '000011', '110100', '110101',
  '101010', '101011', '0100111', '0001100', '0001000', '0010111', '0000011', '0000100',
  '0101000', '0101011', '0010011', '0100100', '0011000', '00000010', '00000011', '00011010',
  '00011011', '00010010', '00010011', '00010100', '00010101', '00010110', '00010111', '00101000',
  '00101001', '00101010', '00101011', '00101100', '00101101', '00000100', '00000101', '00001010',
  '00001011', '01010010', '01010011', '01010100', '01010101', '00100100', '00100101', '01011000',
  '01011001', '01011010', '01011011', '01001010', '01001011', '00110010', '00110011', '00110100',
];

const BLACK_TERMINATING = [
  '0000110111', '010', '11', '10', '011', '0011', '0010', '00011',
  '000101', '000100', '0000100', '0000101', '0000111', '00000100', '00000111', '000011000',
  '0000010111', '0000011000', '0000001000', '00001100111', '00001101000', '00001101100', '00000110111', '00000101000',
  '00000010111', '00000011000', '000011001010', '000011001011', '000011001100', '000011001101', '000001101000', '000001101001',
  '000001101010', '000001101011', '000011010010', '000011010011', '000011010100', '000011010101', '000011010110', '000011010111',
  '000001101100', '000001101101', '000011011010', '000011011011', '000001010100', '000001010101', '000001010110', '000001010111',
  '000001100100', '000001100101', '000001010010', '000001010011', '000000100100', '000000110111', '000000111000', '000000100111',
  '000000101000', '000001011000', '000001011001', '000000101011', '000000101100', '000001011010', '000001100110', '000001100111',
];

// Make-up codes, run length 64 to 1728 in steps of 64 (T.4 Table 3).
const WHITE_MAKEUP = [
  '11011', '10010', '010111', '0110111', '00110110', '00110111', '01100100', '01100101', '01101000',
  '01100111', '011001100', '011001101', '011010010', '011010011', '011010100', '011010101', '011010110',
  '011010111', '011011000', '011011001', '011011010', '011011011', '010011000', '010011001', '010011010',
  '011000', '010011011',
];

const BLACK_MAKEUP = [
  '0000001111', '000011001000', '000011001001', '000001011011', '000000110011', '000000110100', '000000110101',
  '0000001101100', '0000001101101', '0000001001010', '0000001001011', '0000001001100', '0000001001101',
  '0000001110010', '0000001110011', '0000001110100', '0000001110101', '0000001110110', '0000001110111',
  '0000001010010', '0000001010011', '0000001010100', '0000001010101', '0000001011010', '0000001011011',
  '0000001100100', '0000001100101',
];

// Extended make-up codes, run length 1792 to 2560 in steps of 64, the same for both colours (T.4 Table 3 bis).
const EXTENDED_MAKEUP = [
  '00000001000', '00000001100', '00000001101', '000000010010', '000000010011', '000000010100', '000000010101',
  '000000010110', '000000010111', '000000011100', '000000011101', '000000011110', '000000011111',
];

/** A code word: its bits, most significant first, in the low `length` bits of `bits`. */
export interface Code {
  bits: number;
  length: number;
}

function pack(word: string): Code {
  return { bits: parseInt(word, 2), length: word.length };
}

/** Run-length codes of one colour: terminating[0..63], and makeUp[m] for a run of 64·m (m = 1..40). */
export interface RunCodes {
  terminating: Code[];
  makeUp: Code[];
}

function runCodes(terminating: string[], makeUp: string[]): RunCodes {
  return {
    terminating: terminating.map(pack),
    makeUp: [{ bits: 0, length: 0 }, ...makeUp.map(pack), ...EXTENDED_MAKEUP.map(pack)],
  };
}

export const WHITE: RunCodes = runCodes(WHITE_TERMINATING, WHITE_MAKEUP);
export const BLACK: RunCodes = runCodes(BLACK_TERMINATING, BLACK_MAKEUP);

/** The longest run one make-up code covers. */
export const MAX_MAKEUP_RUN = 2560;

/** 2-D coding modes (T.4 Table 4). Vertical codes are indexed by a1 − b1 + 3. */
export const PASS = pack('0001');
export const HORIZONTAL = pack('001');
export const VERTICAL: readonly Code[] = ['0000010', '000010', '010', '1', '011', '000011', '0000011'].map(pack);
/** End of facsimile block: two EOLs (T.6 §2.4). */
export const EOL = pack('000000000001');

/** Every code word of one colour's run lengths, for checking the tables (a code set must be prefix-free). */
export function allRunCodes(codes: RunCodes): Code[] {
  return [...codes.terminating, ...codes.makeUp.slice(1)];
}
