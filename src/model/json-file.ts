/**
 * A content file as the load stage read it: its text and parsed data, and a way to find the
 * line and column of any value, which every later stage needs for its diagnostics.
 */

export interface Position {
  line: number;
  column: number;
}

export interface JsonFile {
  absolutePath: string;
  /** The path shown to the user: relative to the working directory, with `/`. */
  displayPath: string;
  text: string;
  data: unknown;
  /** Line and column of the value at `pointer` (of its key with `atKey`), or of its nearest existing parent. */
  locate(pointer: string, atKey?: boolean): Position;
}
