/**
 * A worker thread that renders social images: a `SocialImageInput` in, its PNG out. Started by
 * `social-image-pool.ts` so a build renders on every core.
 */
import { serveJobs } from '../workers/worker-pool.ts';
import { renderSocialImage } from './render-social-image.ts';

serveJobs('social-image-worker.ts', renderSocialImage);
