// Which of the two AWS files a thing lives in, and a place in one that botocore would reject (or that we refuse to
// touch). Owned here, by the module that reads and writes the files; the profile model reports them.
export type FileRole = 'config' | 'credentials';

/** A place in a user's file that botocore would reject (or that we refuse to touch), with the reason. */
export interface FileProblem {
  file: string;
  fileRole: FileRole;
  line: number; // 1-based; 0 when the problem concerns the whole file
  message: string;
}
