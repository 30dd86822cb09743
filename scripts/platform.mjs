// The platform this machine builds for, as VS Code's marketplace names
// targets: nodejieba's native binary is compiled for it (its glibc or musl
// included), so a package says which platform it can run on.

/** linux-x64, alpine-arm64, darwin-arm64, win32-x64… */
export function targetPlatform() {
  const musl = process.platform === 'linux' && !process.report?.getReport?.().header?.glibcVersionRuntime;
  const os = musl ? 'alpine' : process.platform;
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  return `${os}-${arch}`;
}
