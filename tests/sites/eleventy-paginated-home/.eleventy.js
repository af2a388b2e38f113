module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("img");

  eleventyConfig.addFilter("isoDate", (date) => date.toISOString().slice(0, 10));

  return {
    dir: {
      input: ".",
      includes: "_includes",
      data: "_data",
      output: "_site",
    },
    markdownTemplateEngine: "njk",
  };
};
