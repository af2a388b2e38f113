module.exports = {
  siteTitle: "Harbour Log",
  siteTitleShort: "Harbour Log",
  siteDescription: "Notes from the harbour office.",
  siteUrl: "https://harbour-log.example.org",
  pathPrefix: "",
  authorName: "Tove Lindqvist"
};
