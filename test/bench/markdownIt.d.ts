// markdown-it has no types of its own. The benches use it as the SPEC's second machine yardstick and as the
// tokenizer of VS Code's Markdown language service (vscodeMarkdownRun.ts): the calls they make, typed.
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    use(plugin: (md: MarkdownIt, ...args: never[]) => void, ...args: unknown[]): this;
    parse(src: string, env: object): unknown[];
  }
}

declare module 'markdown-it-front-matter' {
  import type MarkdownIt from 'markdown-it';
  /** Recognises a leading `---` block as front matter (one `front_matter` token) and hands its text to `onFrontMatter`. */
  export default function frontMatter(md: MarkdownIt, onFrontMatter: (yaml: string) => void): void;
}
