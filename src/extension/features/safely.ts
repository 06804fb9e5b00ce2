import type { IndexService } from '../indexService';

/**
 * Runs a provider body; a failure is logged to the "Notes Navigator" channel and answered with
 * `undefined` — a language feature must never throw into the editor.
 */
export async function safely<T>(service: IndexService, feature: string, body: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (e) {
    service.log.error(`${feature} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return undefined;
  }
}
