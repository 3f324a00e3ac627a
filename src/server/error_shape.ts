// The one error shape both listeners answer with, `{ error: { code, message, details } }`, also
// for what Node refuses before a request reaches a handler (headers too large or too slow, a URL
// too long, bytes that are not HTTP).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/** The error shape as the OpenAPI description states it. */
export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Answers `status` with the one error shape. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send(errorBody(code, message, details));
}

export function unknownElection(reply: FastifyReply, election: string): FastifyReply {
  return sendError(reply, 404, 'unknown_election', `no election "${election}"`);
}

/** The one error shape's code for an HTTP status that Fastify or Node chose. */
export function codeOfStatus(status: number): string {
  switch (status) {
    case 404:
      return 'not_found';
    case 408:
      return 'request_timeout';
    case 413:
      return 'body_too_large';
    case 414:
      return 'uri_too_long';
    case 415:
      return 'unsupported_media_type';
    case 431:
      return 'headers_too_large';
    default:
      return 'bad_request';
  }
}

/** The status and sentence for an error Node's HTTP parser or timers raised on a connection. */
function refusalOf(code: string | undefined): { status: number; message: string } {
  switch (code ?? '') {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'the request did not arrive in time' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'the request headers are too large' };
    case 'HPE_URI_TOO_LONG':
      return { status: 414, message: 'the request URL is too long' };
    default:
      return { status: 400, message: 'the request is not HTTP/1.1 as this server reads it' };
  }
}

/** A `clientError` handler: answers in the one error shape, then closes the connection. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, message } = refusalOf(error.code);
  const body = JSON.stringify(errorBody(codeOfStatus(status), message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
