/** The part of picomatch 4's API this tool uses (the package ships no types; see src/project/globs.ts). */
declare module 'picomatch/posix.js' {
  interface PicomatchOptions {
    /** Match dotfiles and dot-folders with `*` and `**`. */
    dot?: boolean;
    nocase?: boolean;
  }
  function picomatch(glob: string | string[], options?: PicomatchOptions): (input: string) => boolean;
  export default picomatch;
}
