// @11ty/eleventy ships no type declarations; this is the part of its programmatic API we use.
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    config?: (eleventyConfig: never) => void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Renders every template without writing; outputPath is where write() would put it. */
    toJSON(): Promise<{ url: string | false; inputPath: string; outputPath: string | false; content: string }[]>;
  }
}
