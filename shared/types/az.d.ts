declare module 'az' {
  /** One reading of a word from the OpenCorpora dictionary (pymorphy2's Parse). */
  interface AzParse {
    /** The reading's dictionary form (lemma), as a parse of its own. */
    normalize(): { word: string };
    tag: { toString(): string; Surn?: boolean; Name?: boolean; Patr?: boolean; Geox?: boolean; Orgn?: boolean; Trad?: boolean };
  }
  interface AzMorph {
    /** `stutter`: how many doubled letters a reading may take as one (az's default: any number). */
    (word: string, config?: { parsers?: string[]; stutter?: number }): AzParse[];
    /** Reads the dictionary files of the folder `path` through `Az.load`; `callback` hears when all are read. */
    init(path: string, callback?: (error: Error | null) => void): void;
  }
  interface AzModule {
    Morph: AzMorph;
    /** The file loader every dictionary read goes through; replaceable (the library's own extension point). */
    load(url: string, responseType: 'json' | 'arraybuffer', callback: (error: Error | null, data?: unknown) => void): void;
  }
  const Az: AzModule;
  export default Az;
}

declare module 'wink-porter2-stemmer' {
  /** Snowball English (Porter2) stem of one lower-case word. */
  export default function stem(word: string): string;
}
