module.exports = {
  siteMetadata: {
    title: 'KAIGAN.EXAMPLE',
    description: '港のメモ',
    lang: 'ja',
  },
  plugins: [
    `gatsby-plugin-typescript`,
    {
      // keep as first gatsby-source-filesystem plugin for gatsby image support
      resolve: 'gatsby-source-filesystem',
      options: { path: `${__dirname}/static/img`, name: 'uploads' },
    },
    {
      resolve: 'gatsby-source-filesystem',
      options: { path: `${__dirname}/src/pages`, name: 'pages' },
    },
    'gatsby-transformer-remark',
    'gatsby-plugin-netlify-cms',
  ],
}
