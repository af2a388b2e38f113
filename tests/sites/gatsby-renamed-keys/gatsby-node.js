// The starter's rules, with the template keys renamed to the site's containers
// (src/containers/${templateKey}Container.tsx) and a tag page per tag.
const _ = require('lodash')
const { createFilePath } = require('gatsby-source-filesystem')

exports.onCreateNode = ({ node, actions, getNode }) => {
  if (node.internal.type === `MarkdownRemark`) {
    const value = createFilePath({ node, getNode })
    actions.createNodeField({ name: `slug`, node, value })
  }
}
// createPages: path: edge.node.fields.slug; tags: `/tags/${_.kebabCase(tag)}/`
