// The dashboard's libraries, from WebJars (versions pinned in gateway/pom.xml; DashboardResourcesTest
// checks that every /webjars/ path the dashboard names is served).
export { marked, Marked } from '/webjars/marked/15.0.12/lib/marked.esm.js';
export { default as DOMPurify } from '/webjars/dompurify/3.2.6/dist/purify.es.mjs';
export { default as uPlot } from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
