const config = {
  siteTitle: "Tidal Engineering", // Site title.
  siteTitleShort: "Tidal", // Short site title for homescreen (PWA).
  siteTitleAlt: "Tidal Engineering notes", // Alternative site title for SEO.
  siteLogo: "/logos/logo-1024.png", // Logo used for SEO and manifest.
  siteUrl: "https://tidal-engineering.example.org", // Domain of your website without pathPrefix.
  pathPrefix: "/", // Prefixes all links.
  siteDescription: "Field notes on tide gauges and the code that reads them.", // Website description used for RSS feeds/meta description tag.
  siteRss: "/rss.xml", // Path to the RSS file.
  postDefaultCategoryID: "Tech", // Default category for posts.
  dateFromFormat: "YYYY-MM-DD", // Date format used in the frontmatter.
  userName: "Ada Morwenna", // Username to display in the author segment.
  copyright: "Copyright © 2024. Ada Morwenna" // Copyright string for the footer of the website and RSS feed.
};

module.exports = config;
