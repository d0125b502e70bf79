import { linkSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Az from 'az';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DICTIONARY_FILES, DICTIONARY_FOLDER } from '../../shared/topics/dictionary-files.js';
import { dictionaryFolder, loadRussianDictionary } from '../../shared/topics/russian-dictionary.js';

/*
 * Where the dictionary is read from and how often. A deployed bundle is laid out as infra/bundling-options.ts
 * (copyDictionaryBesideBundle) lays it: index.mjs, and beside it a folder holding DICTIONARY_FILES of az's dicts,
 * here hard links to the installed package's files (nothing is written into node_modules).
 */

const AZ_DICTS = fileURLToPath(new URL('../../node_modules/az/dicts/', import.meta.url));
const DICTIONARY_MODULE = new URL('../../shared/topics/russian-dictionary.ts', import.meta.url);
const root = mkdtempSync(join(tmpdir(), 'russian-dictionary-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A bundle folder whose dictionary folder holds `files`; returns the bundle's URL and its dictionary folder. */
function deployedBundle(name: string, files: readonly string[]): { bundleUrl: string; folder: string } {
  const folder = join(root, name, DICTIONARY_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const file of files) linkSync(join(AZ_DICTS, file), join(folder, file));
  return { bundleUrl: pathToFileURL(join(root, name, 'index.mjs')).href, folder };
}

/** What resolving the az package does in a deployed bundle, which carries az inside it and no node_modules. */
function noAzPackage(): string {
  throw new Error("Cannot find module 'az'");
}

describe('dictionaryFolder', () => {
  it('finds the dictionary in the folder the deployment lays beside the bundle', () => {
    // Arrange
    const { bundleUrl, folder } = deployedBundle('deployed', DICTIONARY_FILES);

    // Act
    const found = dictionaryFolder(bundleUrl, noAzPackage);

    // Assert
    expect(found).toBe(folder);
  });

  it("in a checkout, where nothing lies beside the module, finds the az package's own dicts folder", () => {
    // Act
    const found = dictionaryFolder(DICTIONARY_MODULE.href);

    // Assert
    expect(found).toBe(realpathSync(AZ_DICTS));
  });

  it('says the dictionary is missing when the folder beside the bundle lacks its words and there is no az package', () => {
    // Arrange: the deployment made the folder but copied no file into it.
    const { bundleUrl, folder } = deployedBundle('copy-failed', []);

    // Act
    const find = () => dictionaryFolder(bundleUrl, noAzPackage);

    // Assert
    expect(find).toThrow(
      new Error(`the Russian dictionary is missing: expected ${folder} (copied there by the deployment) or the az package`),
    );
  });
});

describe('loadRussianDictionary', () => {
  it('reads a folder holding just the files the deployment copies', async () => {
    // Arrange
    const { folder } = deployedBundle('load', DICTIONARY_FILES);
    const { loadRussianDictionary, russianReadings } = await freshModule();
    const init = vi.spyOn(Az.Morph, 'init');

    // Act
    loadRussianDictionary(folder);
    const readings = russianReadings('законами');

    // Assert
    expect(init.mock.calls).toEqual([[folder]]);
    expect(readings).toEqual([{ lemma: 'закон', proper: false }]);
  });

  it("fails with the error of a file it cannot read, naming it, and leaves az's file loader as it was", () => {
    // Arrange
    const { folder } = deployedBundle('incomplete', DICTIONARY_FILES.filter((file) => file !== 'paradigms.array'));
    const azLoad = Az.load;

    // Act
    const load = () => loadRussianDictionary(folder);

    // Assert
    expect(load).toThrow(`ENOENT: no such file or directory, open '${folder}/paradigms.array'`);
    expect(Az.load).toBe(azLoad);
  });
});

describe('russianReadings', () => {
  it('reads the dictionary once, on the first word it is asked for', async () => {
    // Arrange
    const { russianReadings } = await freshModule();
    const init = vi.spyOn(Az.Morph, 'init');

    // Act
    const first = russianReadings('закон');
    const second = russianReadings('судом');

    // Assert
    expect(init.mock.calls).toEqual([[realpathSync(AZ_DICTS)]]);
    expect([first, second]).toEqual([[{ lemma: 'закон', proper: false }], [{ lemma: 'суд', proper: false }]]);
  });
});

/** The module as a bundle's first import finds it: nothing loaded yet (az itself, a package, stays loaded). */
async function freshModule(): Promise<typeof import('../../shared/topics/russian-dictionary.js')> {
  vi.resetModules();
  return import('../../shared/topics/russian-dictionary.js');
}
