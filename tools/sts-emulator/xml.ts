import type { AwsError } from './aws-error';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** A response body: objects become elements in key order, arrays become `<member>` lists (query protocol). */
export type XmlValue = string | number | boolean | XmlValue[] | { [element: string]: XmlValue | undefined };

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  );
}

function renderXml(value: XmlValue): string {
  if (Array.isArray(value)) return value.map((item) => `<member>${renderXml(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter((entry): entry is [string, XmlValue] => entry[1] !== undefined)
      .map(([name, child]) => `<${name}>${renderXml(child)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function successXml(namespace: string, action: string, result: XmlValue, requestId: string): string {
  const resultXml = result === '' ? '' : `<${action}Result>${renderXml(result)}</${action}Result>`;
  return (
    `<${action}Response xmlns="${namespace}">${resultXml}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>\n`
  );
}

export function errorXml(namespace: string, error: AwsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>\n`
  );
}
