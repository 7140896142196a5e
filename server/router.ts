// Which handler answers which request. Every answer gets the security headers; every
// failure becomes the one error shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX } from '../src/sync/api';
import type { Context } from './context';
import { HttpError, SECURITY_HEADERS, allowMethods, databaseUnavailable, sendError } from './http';
import { handleAttachmentDownload, handleAttachmentList, handleAttachmentsZip } from './routes/attachment-downloads';
import { handleUpload } from './routes/attachments';
import { handleAudit } from './routes/audit';
import { handleBundle } from './routes/bundles';
import { handleCreateDevice, handleEnroll, handleListDevices, handleReissue, handleRevokeDevice } from './routes/devices';
import { handleExport } from './routes/export';
import { handleCatalog, handleCoordinatorCatalog, handlePublish, handleStateChange, handleSummary, handleVersion } from './routes/forms';
import { handleHealth } from './routes/info';
import { handleResults } from './routes/results';
import { handleSubmit } from './routes/submissions';
import { handleXlsForm } from './routes/xlsform';
import { serveStatic } from './static';
import { StoreUnavailableError } from './store/unavailable';

const READ = ['GET', 'HEAD'] as const;
const EXPORT_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/submissions\\.csv$`);
const RESULTS_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/results$`);
const FORM_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)$`);
const XLSFORM_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/xlsform$`);
const VERSION_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/versions/([1-9][0-9]{0,8})$`);
const DEVICE_PATH = new RegExp(`^${API_PREFIX}/devices/([^/]+)$`);
const UPLOAD_PATH = new RegExp(`^${API_PREFIX}/submissions/([^/]+)/attachments/([^/]+)$`);
const ATTACHMENT_LIST_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/submissions/([^/]+)/attachments$`);
const ATTACHMENT_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/submissions/([^/]+)/attachments/([^/]+)$`);
const ZIP_PATH = new RegExp(`^${API_PREFIX}/forms/([^/]+)/attachments\\.zip$`);
const REISSUE_PATH = new RegExp(`^${API_PREFIX}/devices/([^/]+)/enrollment$`);

/** A form or device id captured from a path, or a 400 when its escapes are malformed. */
function decodeFormId(captured: string, what = 'form'): string {
  try {
    return decodeURIComponent(captured);
  } catch {
    throw new HttpError(400, 'bad_request', `The ${what} id in the URL is malformed.`);
  }
}

async function route(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, 'bad_request', 'The request URL is malformed.');
  }
  const path = url.pathname;
  if (path !== '/api' && !path.startsWith('/api/')) {
    allowMethods(req, READ);
    return serveStatic(ctx.distDir, req, res, path);
  }
  if (path === `${API_PREFIX}/health`) {
    allowMethods(req, READ);
    return handleHealth(ctx, res);
  }
  if (path === `${API_PREFIX}/forms`) {
    allowMethods(req, [...READ, 'POST']);
    return req.method === 'POST' ? handlePublish(ctx, req, res, url.searchParams) : handleCatalog(ctx, req, res);
  }
  if (path === `${API_PREFIX}/catalog`) {
    allowMethods(req, ['GET']);
    return handleCoordinatorCatalog(ctx, req, res);
  }
  if (path === `${API_PREFIX}/submissions`) {
    allowMethods(req, ['POST']);
    return handleSubmit(ctx, req, res);
  }
  if (path === `${API_PREFIX}/bundles`) {
    allowMethods(req, ['POST']);
    return handleBundle(ctx, req, res);
  }
  if (path === `${API_PREFIX}/enroll`) {
    allowMethods(req, ['POST']);
    return handleEnroll(ctx, req, res);
  }
  if (path === `${API_PREFIX}/devices`) {
    allowMethods(req, ['GET', 'POST']);
    return req.method === 'POST' ? handleCreateDevice(ctx, req, res) : handleListDevices(ctx, req, res);
  }
  const deviceMatch = DEVICE_PATH.exec(path);
  if (deviceMatch?.[1] !== undefined) {
    allowMethods(req, ['DELETE']);
    return handleRevokeDevice(ctx, req, res, decodeFormId(deviceMatch[1], 'device'));
  }
  const reissueMatch = REISSUE_PATH.exec(path);
  if (reissueMatch?.[1] !== undefined) {
    allowMethods(req, ['POST']);
    return handleReissue(ctx, req, res, decodeFormId(reissueMatch[1], 'device'));
  }
  if (path === `${API_PREFIX}/audit`) {
    allowMethods(req, ['GET']);
    return handleAudit(ctx, req, res, url.searchParams);
  }
  const uploadMatch = UPLOAD_PATH.exec(path);
  if (uploadMatch?.[1] !== undefined && uploadMatch[2] !== undefined) {
    allowMethods(req, ['PUT']);
    return handleUpload(ctx, req, res, uploadMatch[1], uploadMatch[2]);
  }
  const listMatch = ATTACHMENT_LIST_PATH.exec(path);
  if (listMatch?.[1] !== undefined && listMatch[2] !== undefined) {
    allowMethods(req, ['GET']);
    return handleAttachmentList(ctx, req, res, decodeFormId(listMatch[1]), decodeFormId(listMatch[2], 'submission'));
  }
  const fileMatch = ATTACHMENT_PATH.exec(path);
  if (fileMatch?.[1] !== undefined && fileMatch[2] !== undefined && fileMatch[3] !== undefined) {
    allowMethods(req, READ);
    return handleAttachmentDownload(ctx, req, res, decodeFormId(fileMatch[1]), decodeFormId(fileMatch[2], 'submission'), decodeFormId(fileMatch[3], 'file'));
  }
  const zipMatch = ZIP_PATH.exec(path);
  if (zipMatch?.[1] !== undefined) {
    allowMethods(req, READ);
    return handleAttachmentsZip(ctx, req, res, decodeFormId(zipMatch[1]));
  }
  const exportMatch = EXPORT_PATH.exec(path);
  if (exportMatch?.[1] !== undefined) {
    allowMethods(req, READ);
    return handleExport(ctx, req, res, decodeFormId(exportMatch[1]), url.searchParams);
  }
  const resultsMatch = RESULTS_PATH.exec(path);
  if (resultsMatch?.[1] !== undefined) {
    allowMethods(req, ['GET']);
    return handleResults(ctx, req, res, decodeFormId(resultsMatch[1]));
  }
  const xlsformMatch = XLSFORM_PATH.exec(path);
  if (xlsformMatch?.[1] !== undefined) {
    allowMethods(req, READ);
    return handleXlsForm(ctx, req, res, decodeFormId(xlsformMatch[1]), url.searchParams);
  }
  const versionMatch = VERSION_PATH.exec(path);
  if (versionMatch?.[1] !== undefined) {
    allowMethods(req, ['GET']);
    return handleVersion(ctx, res, decodeFormId(versionMatch[1]), Number(versionMatch[2]));
  }
  const formMatch = FORM_PATH.exec(path);
  if (formMatch?.[1] !== undefined) {
    allowMethods(req, ['GET', 'PATCH']);
    const formId = decodeFormId(formMatch[1]);
    return req.method === 'PATCH' ? handleStateChange(ctx, req, res, formId) : handleSummary(ctx, req, res, formId);
  }
  throw new HttpError(404, 'not_found', `No API route ${path}.`);
}

/** The request listener: routes, then turns any failure into an error answer. */
export function createHandler(ctx: Context): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      await route(ctx, req, res);
    } catch (error) {
      if (res.headersSent) {
        // Mid-stream (an export): all that is left is to cut the connection so the file is visibly incomplete.
        if (!res.destroyed) console.error('fieldbook: failed while answering', req.method, req.url?.split('?')[0], error);
        res.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(res, error);
      if (error instanceof StoreUnavailableError) {
        console.error('fieldbook: database unreachable while answering', req.method, req.url?.split('?')[0], error.message);
        return sendError(res, databaseUnavailable());
      }
      console.error('fieldbook: failed while answering', req.method, req.url?.split('?')[0], error);
      sendError(res, new HttpError(500, 'internal_error', 'Something went wrong on the server; try again later.'));
    }
  };
}
