// The bench uses markdown-it only as the SPEC's second machine yardstick: the one call it makes, typed.
declare module 'markdown-it' {
  export default class MarkdownIt {
    parse(src: string, env: object): unknown[];
  }
}
