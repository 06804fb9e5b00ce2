import type { IndexService } from '../indexService';

/**
 * Providers answer only once the initial index load has finished: before that the index is partial and
 * any answer (a "missing" hover, an empty reference list) would be wrong. Readiness is tracked per service.
 */
const readyServices = new WeakSet<IndexService>();

export function trackReadiness(service: IndexService): void {
  const done = (): void => { readyServices.add(service); };
  service.ready.then(done, done);
}

export function isIndexReady(service: IndexService): boolean {
  return readyServices.has(service);
}
