import * as React from "react";
export default function Index() { return <p>Write to us.</p>; }
