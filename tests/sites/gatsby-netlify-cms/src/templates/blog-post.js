import * as React from "react";
export default function BlogPost() { return null; }
