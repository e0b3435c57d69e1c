const BOUNDARY = '----govhall-upload-boundary';

/** An inject() request's headers and payload: a multipart/form-data body of one file part, as the caller. */
export function multipartFile(
  auth: Record<string, string>,
  part: { name: string; fileName: string; contentType: string; content: Buffer },
) {
  return {
    headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: ${part.contentType}\r\n\r\n`,
      ),
      part.content,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  };
}
