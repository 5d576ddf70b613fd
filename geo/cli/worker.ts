// A batch worker thread: loads the resources once, then turns batches of input lines into
// output lines, one message per document so that the main thread can write each as soon as
// the ones before it are out. The main thread never parses or serialises a document.
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { loadResourcesOverlapped } from '../resources-node.ts';
import { processLine, type DocumentOptions } from './document.ts';
import type { FromWorker, ToWorker, WorkerStats } from './messages.ts';

export async function runWorker(): Promise<void> {
  const port = parentPort!;
  const options = workerData.options as DocumentOptions;
  const started = performance.now();
  // Batches posted meanwhile wait in the port until the listener below is added.
  const resources = await loadResourcesOverlapped();
  const stats: WorkerStats = { documents: 0, bytes: 0, busySeconds: 0, loadSeconds: (performance.now() - started) / 1000, heapAfterLoadMb: heapMb(), heapPeakMb: heapMb() };
  const decoder = new TextDecoder();
  const post = (message: FromWorker) => port.postMessage(message);
  post({ type: 'ready', stats });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stats') return post({ type: 'stats', stats });
    const { seq, data, ends, lines } = message;
    for (let i = message.from; i < ends.length; i++) {
      const begin = i ? ends[i - 1] : 0;
      const t0 = performance.now();
      const out = processLine(decoder.decode(data.subarray(begin, ends[i])), lines[i], resources, options);
      stats.busySeconds += (performance.now() - t0) / 1000;
      stats.documents++;
      stats.bytes += ends[i] - begin;
      stats.heapPeakMb = Math.max(stats.heapPeakMb, heapMb());
      post({ type: 'doc', seq, index: i, chunks: out });
    }
  });
}

const heapMb = () => Math.round(getHeapStatistics().used_heap_size / 1e5) / 10;
