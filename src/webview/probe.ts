import type { ProbeResult } from './protocol';

/**
 * Describes what the page rendered in `toolbar` and `content`, where data goes (the host's `probe`, used by tests):
 * elements that must never be there (media, scripts, frames, inline handlers), the topic and file texts as shown,
 * the rows and the scroll offset.
 */
export function probePage(toolbar: HTMLElement, content: HTMLElement): ProbeResult {
  const rendered = [toolbar, content];
  const count = (selector: string) => rendered.reduce((n, root) => n + root.querySelectorAll(selector).length, 0);
  let inlineHandlers = 0;
  for (const root of rendered) {
    for (const e of [root, ...Array.from(root.querySelectorAll('*'))]) {
      for (const a of Array.from(e.attributes)) if (/^on/i.test(a.name)) inlineHandlers++;
    }
  }
  const texts: string[] = [];
  for (const e of Array.from(content.querySelectorAll('.topic, .file-title'))) texts.push(e.textContent ?? '');
  return {
    images: count('img, image, picture, video, audio'),
    scripts: count('script'),
    frames: count('iframe, object, embed, frame'),
    inlineHandlers,
    texts,
    rows: content.querySelectorAll('tr.row').length,
    scrollY: Math.max(0, Math.round(window.scrollY)),
  };
}
