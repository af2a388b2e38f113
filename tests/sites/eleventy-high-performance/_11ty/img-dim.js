// Adds width and height to every <img> in the written HTML so the page does not shift while images load.
const { JSDOM } = require("jsdom");
const sizeOf = require("image-size");

module.exports = {
  initArguments: {},
  configFunction: function (eleventyConfig) {
    eleventyConfig.addTransform("imgDim", async (content, outputPath) => {
      if (!outputPath || !outputPath.endsWith(".html")) return content;
      const dom = new JSDOM(content);
      for (const img of dom.window.document.querySelectorAll("img[src^='/']")) {
        const { width, height } = sizeOf("_site" + img.getAttribute("src"));
        img.setAttribute("width", width);
        img.setAttribute("height", height);
      }
      return dom.serialize();
    });
  },
};
