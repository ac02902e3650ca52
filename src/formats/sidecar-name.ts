/** NAME.ext -> NAME.meta.yaml: the sidecar that belongs to a report file (read by ./meta-yaml.ts). */
export function sidecarName(file: string): string {
  return `${file.replace(/\.[^./\\]+$/, '')}.meta.yaml`;
}
