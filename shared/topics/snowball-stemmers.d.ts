// The package ships no types; this declares the small part of its API that duma-alerts uses.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowballFactory: {
    newStemmer(language: string): Stemmer;
    algorithms(): string[];
  };
  export default snowballFactory;
}
