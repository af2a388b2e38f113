module.exports = {
    siteMetadata: {
        title: 'R. Q. Marsh',
        tagline: 'Songs from the breakwater',
        description: 'Verse, essays, notes'
    },
    plugins: [
        {
            resolve: 'gatsby-plugin-mdx',
            options: { extensions: ['.mdx', '.md'] }
        },
        {
            resolve: 'gatsby-source-filesystem',
            options: {
                name: 'pages',
                path: `${__dirname}/src/pages`
            }
        },
        'gatsby-plugin-react-helmet',
    ]
}
