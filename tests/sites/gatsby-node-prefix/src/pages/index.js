import * as React from "react"

const Index = () => <main><h1>Ferry Log</h1></main>

export default Index
