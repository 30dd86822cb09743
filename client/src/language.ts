/** The language the extension and the server share, and the documents the server is given. */
export const LANGUAGE_ID = 'newsprint';

/**
 * Files on disk, unsaved buffers, and files of a virtual workspace (vscode-vfs),
 * where only open documents can be checked. Other schemes (git:, the left side
 * of a diff, output) show old or foreign text and are left alone.
 */
export const DOCUMENT_SELECTOR: { language: string; scheme: string }[] = [
  { language: LANGUAGE_ID, scheme: 'file' },
  { language: LANGUAGE_ID, scheme: 'untitled' },
  { language: LANGUAGE_ID, scheme: 'vscode-vfs' },
];
