module.exports = {
  siteMetadata: {
    title: `Ferry Log`,
    description: `Crossings, timetables and the people on deck.`,
    siteUrl: `https://ferrylog.example.org`,
  },
  plugins: [
    `gatsby-plugin-image`,
    `gatsby-plugin-sharp`,
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        name: `posts`,
        path: `${__dirname}/content/posts`,
      },
    },
    {
      resolve: `gatsby-transformer-remark`,
      options: {
        plugins: [`gatsby-remark-images`, `gatsby-remark-copy-linked-files`],
      },
    },
  ],
}
