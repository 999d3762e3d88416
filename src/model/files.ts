/** A folder's files in memory, by relative path with '/': a rendered module, a package's contents. */
export type FileMap = Map<string, Uint8Array>;
