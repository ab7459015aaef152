import { Worker } from 'node:worker_threads';
import type { SheetIO } from '../imports/sheet-io.ts';
import { ValidationError } from '../shared/errors.ts';
import type { SheetRequest, SheetResponse } from './sheet-worker.ts';

/**
 * Spreadsheet parsing and writing on a worker thread, for the local server: the one process keeps
 * answering every other request while a large or slow file is read (in AWS the sheets Lambda has
 * its own instances instead). The worker starts on first use and is unref'd, so it never keeps the
 * process alive; a worker that dies fails its pending calls and is replaced on the next one.
 */
type SheetCall = SheetRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function workerSheetIO(): SheetIO & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    // The worker is TypeScript: it registers tsx's loader (a dev dependency: this is local only) first.
    const url = new URL('./sheet-worker.ts', import.meta.url).href;
    const w = new Worker(
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`,
      { eval: true },
    );
    w.unref();
    w.on('message', (response: SheetResponse) => {
      const call = pending.get(response.id);
      if (!call) return;
      pending.delete(response.id);
      if (response.ok) call.resolve(response.value);
      else call.reject(response.fields ? new ValidationError(response.fields) : new Error(response.error));
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      failAll(new Error('sheet worker exited'));
    });
    return w;
  };
  const call = <T>(request: SheetCall): Promise<T> => {
    worker ??= start();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker!.postMessage({ ...request, id });
    });
  };

  return {
    read: (data, format) => call({ op: 'read', data, format }),
    write: async (rows, format, options) => call<Uint8Array>({ op: 'write', rows, format, options }),
    writeBook: async (sheets) => call<Uint8Array>({ op: 'writeBook', sheets }),
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
