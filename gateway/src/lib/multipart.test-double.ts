const BOUNDARY = '----govhall-upload-boundary';

/**
 * An inject() request's headers and payload: a multipart/form-data body of one file part, as the caller; `fields`
 * adds text parts before it (a name given twice in `repeated` is sent twice).
 */
export function multipartFile(
  auth: Record<string, string>,
  part: { name: string; fileName: string; contentType: string; content: Buffer },
  fields: Record<string, string> = {},
  repeated: [string, string][] = [],
) {
  const texts = [...Object.entries(fields), ...repeated].map(([name, value]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  return {
    headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([
      ...texts,
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: ${part.contentType}\r\n\r\n`,
      ),
      part.content,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  };
}
