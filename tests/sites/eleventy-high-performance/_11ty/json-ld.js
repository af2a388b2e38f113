// Checks that every JSON-LD block of the written HTML parses.
module.exports = {
  initArguments: {},
  configFunction: function (eleventyConfig) {
    eleventyConfig.addTransform("jsonLd", (content, outputPath) => {
      if (outputPath && outputPath.endsWith(".html")) {
        for (const match of content.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) JSON.parse(match[1]);
      }
      return content;
    });
  },
};
