import { Charset, LogLevel, OutputFormat, type BundlingOptions, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { DICTIONARY_FILES, DICTIONARY_FOLDER } from '../shared/topics/dictionary-files.js';

/*
 * One definition of how a function is bundled, read by the stack (NodejsFunction) and by bench/bundle-bench.ts
 * (esbuild directly), so the benchmark measures the bundles that are deployed.
 */

/** The Node.js version the bundles target; matches the Lambda runtime. */
export const BUNDLE_TARGET = 'node22';

/**
 * ESM output has no `require`; some CommonJS dependencies still call it for Node built-ins, so the bundle
 * creates one from `import.meta.url`.
 */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire as __duma_createRequire } from 'node:module'; const require = __duma_createRequire(import.meta.url);";

/** Prefer the ESM build of dependencies, which esbuild can tree-shake. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Copies the Russian dictionary beside a bundle that reads it (topic matching: its code names the folder), and
 * beside no other: it is ~11 MB, which the bundle itself could not carry (see shared/topics/dictionary-files.ts).
 */
export const copyDictionaryBesideBundle: ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir, outputDir) => {
    const target = `${outputDir}/${DICTIONARY_FOLDER}`;
    const files = DICTIONARY_FILES.map((file) => `"${inputDir}/node_modules/az/dicts/${file}"`).join(' ');
    return [`if grep -q "${DICTIONARY_FOLDER}" "${outputDir}/index.mjs"; then mkdir -p "${target}" && cp ${files} "${target}/"; fi`];
  },
};

/**
 * NodejsFunction bundling: esbuild on this machine (never Docker), minified ESM with external source maps. The
 * AWS SDK is bundled rather than taken from the runtime so that the deployed SDK is the tested one and unused
 * commands are tree-shaken away.
 */
export const lambdaBundling: BundlingOptions = {
  forceDockerBundling: false,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  format: OutputFormat.ESM,
  target: BUNDLE_TARGET,
  mainFields: MAIN_FIELDS,
  banner: CREATE_REQUIRE_BANNER,
  // Russian text as UTF-8, not \uXXXX escapes (six bytes a letter): the api bundle's page and console strings alone
  // were ~90 KB lighter, and Node reads an ES module as UTF-8 either way.
  charset: Charset.UTF8,
  bundleAwsSDK: true,
  commandHooks: copyDictionaryBesideBundle,
  // esbuild's warnings and errors, not its size summary of every bundle (bench/bundle-bench.ts reports sizes).
  logLevel: LogLevel.WARNING,
};
