/*
 * Where the Russian dictionary lives once deployed. Its ~11 MB are far over the 1 MB a Lambda bundle may weigh,
 * so it is not bundled: the deployment copies these files of the az package into a folder beside each bundle
 * that reads them (infra/bundling-options.ts), and russian-dictionary.ts reads them from there on first use.
 */

/** The folder, beside a bundle, that holds the dictionary files. */
export const DICTIONARY_FOLDER = 'russian-morphology';

/** The files of the az package's `dicts/` folder that its analyser reads. */
export const DICTIONARY_FILES = [
  'words.dawg',
  'paradigms.array',
  'suffixes.json',
  'grammemes.json',
  'gramtab-opencorpora-int.json',
  'gramtab-opencorpora-ext.json',
  'p_t_given_w.intdawg',
  'prediction-suffixes-0.dawg',
  'prediction-suffixes-1.dawg',
  'prediction-suffixes-2.dawg',
] as const;
