import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The route whose body is a file, sent as it is with its own Content-Type. */
export const BILAG_FIL_ROUTE = '/sager/:id/bilag/fil';
/** What the upload's Content-Type is replaced by, so that no body parser (JSON included) reads the file. */
const RAW = 'application/x-sagsgang-raw';

export type RawUploadRequest = FastifyRequest & { declaredContentType?: string };

/**
 * Every other route takes JSON only. The upload route takes any media type
 * and hands the body on unread, as a stream: before the parsers look, its
 * Content-Type is kept aside as the declared type and replaced by one whose
 * parser passes the stream through. Fastify's body limit applies to parsed
 * bodies only; the upload checks its own (SAGSGANG_BILAG_MAX_BYTES).
 */
export function registerRawUpload(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: RawUploadRequest, _reply, done) => {
    if (isRawUpload(request)) {
      request.declaredContentType = request.headers['content-type'];
      request.headers['content-type'] = RAW;
    }
    done();
  });
  fastify.addContentTypeParser(RAW, (_request, payload, done) => done(null, payload));
}

/** The bilag upload, whose body is the file itself, streamed. */
export function isRawUpload(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.routeOptions.url === BILAG_FIL_ROUTE;
}
