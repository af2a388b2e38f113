import React from 'react'
export default function Blog() { return null }
