/**
 * Eleventy configuration for coursekit's renderer. The build pipeline (src/render/) runs
 * Eleventy programmatically with this file, and adds the validated course data and the
 * content filters itself, so this file holds only what Eleventy needs to know statically.
 */
export default function (eleventyConfig) {
  // Undefined values in templates are bugs: fail the build rather than print "undefined".
  eleventyConfig.setNunjucksEnvironmentOptions({ throwOnUndefined: true, autoescape: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.setQuietMode(true);
  // Only the templates render; course content arrives as data, never as Eleventy input files.
  eleventyConfig.setTemplateFormats(['njk']);
  eleventyConfig.setUseGitIgnore(false);
}

export const config = {
  dir: {
    // The input folder (src/render/templates) and output folder are given by src/render/index.ts.
    includes: '_includes',
    data: '_data',
  },
  htmlTemplateEngine: 'njk',
};
