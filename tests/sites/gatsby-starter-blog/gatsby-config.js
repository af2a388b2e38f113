/**
 * Configure your Gatsby site with this file.
 */
module.exports = {
  siteMetadata: {
    title: `Harbour Blog`,
    author: {
      name: `Ines Okafor`,
      summary: `who lives and works in Lisbon building useful things.`,
    },
    description: `A starter blog demonstrating what Gatsby can do.`,
    siteUrl: `https://harbour-blog.example/`,
    social: {
      twitter: `inesokafor`,
    },
  },
  plugins: [
    `gatsby-plugin-image`,
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        path: `${__dirname}/content/blog`,
        name: `blog`,
      },
    },
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        name: `images`,
        path: `${__dirname}/src/images`,
      },
    },
    {
      resolve: `gatsby-transformer-remark`,
      options: {
        plugins: [
          {
            resolve: `gatsby-remark-images`,
            options: {
              maxWidth: 630,
            },
          },
          {
            resolve: `gatsby-remark-responsive-iframe`,
            options: {
              wrapperStyle: `margin-bottom: 1.0725rem`,
            },
          },
          `gatsby-remark-prismjs`,
        ],
      },
    },
    `gatsby-transformer-sharp`,
    `gatsby-plugin-sharp`,
    {
      resolve: `gatsby-plugin-feed`,
      options: {
        query: `
          {
            site {
              siteMetadata {
                title
                siteUrl
              }
            }
          }
        `,
        feeds: [
          {
            serialize: ({ query: { site, allMarkdownRemark } }) =>
              allMarkdownRemark.nodes.map(node => ({
                ...node.frontmatter,
                url: site.siteMetadata.siteUrl + node.fields.slug,
              })),
            query: `{ allMarkdownRemark(sort: { frontmatter: { date: DESC } }) { nodes { fields { slug } frontmatter { title date } } } }`,
            output: "/rss.xml",
            title: "Harbour Blog RSS Feed",
          },
        ],
      },
    },
  ],
}
