import React from 'react'
export default function Podcasts() { return null }
