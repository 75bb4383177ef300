/** A File's bytes; FileReader where Blob.arrayBuffer is missing (older WebViews, jsdom). */
export function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer
        ? resolve(reader.result)
        : reject(new Error("unreadable file"));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable file"));
    reader.readAsArrayBuffer(file);
  });
}
