/** Vite's `?url` import: the built URL of a file of the app (here, pdf.js's worker). */
declare module '*?url' {
  const url: string
  export default url
}
