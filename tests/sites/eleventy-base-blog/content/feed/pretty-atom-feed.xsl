<?xml version="1.0" encoding="utf-8"?>
<!-- Shows the Atom feed as a page in a browser: the feed's title and its entries' links. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8"/>
  <xsl:template match="/atom:feed">
    <html lang="en"><head><title><xsl:value-of select="atom:title"/></title></head>
    <body><h1><xsl:value-of select="atom:title"/></h1>
      <ul><xsl:for-each select="atom:entry"><li><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></li></xsl:for-each></ul>
    </body></html>
  </xsl:template>
</xsl:stylesheet>
