import * as React from "react"
const BlogIndex = () => <ol>posts</ol>
export default BlogIndex
