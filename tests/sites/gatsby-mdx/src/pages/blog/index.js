import React from 'react'
export default () => <p>blog</p>
