import * as React from 'react'
import Layout from '../components/layout'

const IndexPage = () => <Layout pageTitle="Home"><p>Low tide, every weekend.</p></Layout>

export default IndexPage
