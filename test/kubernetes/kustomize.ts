import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

// The part of Kustomize these manifests use. Anything else in a kustomization is refused rather than ignored, so a
// field added later cannot be silently left out of what the tests check.
const supportedFields = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images']);
const clusterScopedKinds = new Set(['Namespace']);

/** The YAML documents of one file, each an object with apiVersion, kind and metadata.name. */
export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
    const value = document.toJS() as Manifest | null;
    if (value === null) return [];
    if (!value.apiVersion || !value.kind || !value.metadata?.name)
      throw new Error(`${file}: a document without apiVersion, kind or metadata.name`);
    return [value];
  });
}

function overrideImage(image: string, overrides: ImageOverride[]): string {
  const name = image.replace(/[:@].*$/, '');
  const override = overrides.find((candidate) => candidate.name === name);
  if (!override) return image;
  const base = override.newName ?? name;
  if (override.digest) return `${base}@${override.digest}`;
  return override.newTag ? `${base}:${override.newTag}` : image.replace(name, base);
}

function podSpecOf(
  manifest: Manifest,
): { containers?: { image?: string }[]; initContainers?: { image?: string }[] } | undefined {
  const spec = manifest.spec as { template?: { spec?: object } } | undefined;
  return spec?.template?.spec as ReturnType<typeof podSpecOf>;
}

/** What `kustomize build <dir>` gives for the fields above: resources (files and directories), namespace, images. */
export function renderKustomization(directory: string): Manifest[] {
  const file = path.join(directory, 'kustomization.yaml');
  const kustomization = readManifestsLoose(file);
  const unsupported = Object.keys(kustomization).filter((field) => !supportedFields.has(field));
  if (unsupported.length > 0)
    throw new Error(`${file}: unsupported fields ${unsupported.join(', ')}`);
  const resources = (kustomization.resources as string[] | undefined) ?? [];
  const manifests = structuredClone(
    resources.flatMap((resource) => {
      const target = path.join(directory, resource);
      return statSync(target).isDirectory() ? renderKustomization(target) : readManifests(target);
    }),
  );
  const namespace = kustomization.namespace as string | undefined;
  const images = (kustomization.images as ImageOverride[] | undefined) ?? [];
  for (const manifest of manifests) {
    if (namespace && !clusterScopedKinds.has(manifest.kind))
      manifest.metadata.namespace = namespace;
    const podSpec = podSpecOf(manifest);
    for (const container of [...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? [])]) {
      if (container.image) container.image = overrideImage(container.image, images);
    }
  }
  const seen = new Set<string>();
  for (const { kind, metadata } of manifests) {
    const id = `${kind}/${metadata.namespace ?? ''}/${metadata.name}`;
    if (seen.has(id)) throw new Error(`${directory}: ${id} appears twice`);
    seen.add(id);
  }
  return manifests;
}

function readManifestsLoose(file: string): Record<string, unknown> {
  const [document] = parseAllDocuments(readFileSync(file, 'utf8'));
  if (!document || document.errors.length > 0) throw new Error(`${file}: not YAML`);
  return document.toJS() as Record<string, unknown>;
}

/** Every YAML file under a directory, for checks that must see each file (not only the rendered ones). */
export function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(directory, name));
}
