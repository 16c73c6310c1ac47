import http from 'node:http';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import https from 'node:https';
import {
  configureRequestOptions,
  configureRequestUrl,
  HttpExecutor,
} from 'builder-util-runtime';
import type { DownloadOptions } from 'builder-util-runtime';

/**
 * electron-updater's HTTP client over Node's http and https, for updaters
 * built outside Electron. Inside Electron the updater uses Chromium's
 * network stack (proxies, certificates) instead; this one is for the plain
 * Node process and its tests. builder-util-runtime is electron-updater's own
 * runtime library, installed with it; `download` follows its Electron
 * client's, so the SHA-512 check (`options.sha512`) and progress run the same.
 */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ClientRequest {
    const request = options.protocol === 'https:' ? https.request : http.request;
    return request(options, callback);
  }

  /** Downloads `url` to `destination`, verifying it as the options ask; resolves to the path. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>(
      (resolve, reject, onCancel) => {
        const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
        configureRequestUrl(url, requestOptions);
        configureRequestOptions(requestOptions);
        this.doDownload(
          requestOptions,
          {
            destination,
            options,
            onCancel,
            callback: (error) => (error ? reject(error) : resolve(destination)),
            responseHandler: null,
          },
          0,
        );
      },
    );
  }
}
