/** A request as the routes see it, whatever carried it (API Gateway event, local server). */
export interface ApiRequest {
  method: string;
  path: string;
  /** The first value of each query parameter. */
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  cookies: Record<string, string>;
  /** The decoded body text; '' when there is none. */
  body: string;
  /** Body size in bytes as received, before decoding. */
  bodyBytes: number;
  clientIp: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set-Cookie values. */
  cookies?: string[];
}
