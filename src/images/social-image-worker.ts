/**
 * A worker thread that renders social images: `{ id, input }` in, `{ id, png }` or
 * `{ id, error }` out. Started by `social-image-pool.ts` so a build renders on every core.
 */
import { parentPort } from 'node:worker_threads';
import { renderSocialImage, type SocialImageInput } from './render-social-image.ts';

const port = parentPort;
if (!port) throw new Error('social-image-worker.ts runs as a worker thread only.');

port.on('message', (message: { id: number; input: SocialImageInput }) => {
  renderSocialImage(message.input).then(
    (png) => port.postMessage({ id: message.id, png }),
    (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
