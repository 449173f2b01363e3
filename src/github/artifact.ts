/**
 * Keep the SARIF as a workflow artifact when code scanning cannot take it (missing permission, fork,
 * Advanced Security off): @actions/artifact, which talks to the runner's results service
 * (ACTIONS_RUNTIME_TOKEN + ACTIONS_RESULTS_URL). Never throws: says why it could not save instead.
 *
 * @actions/artifact (with the Azure storage client under it) is most of the bundle's code: it is imported
 * only when a SARIF is saved, so the action's gates run without it in memory (a chunk of its own in dist/).
 */
import { basename, dirname } from 'node:path';

export type ArtifactResult = { saved: true; name: string; id?: number; url?: string } | { saved: false; name: string; reason: string };

/** A name artifact storage accepts (no `" : < > | * ? \ /`, CR, LF), unique per category. */
export function artifactName(category: string | undefined): string {
  const tail = (category ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return tail ? `django-launch-gate-sarif-${tail}` : 'django-launch-gate-sarif';
}

export async function saveSarifArtifact(
  file: string,
  name: string,
  env: Record<string, string | undefined>,
  repoUrl?: string,
): Promise<ArtifactResult> {
  for (const v of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'] as const) {
    if (!env[v]) return { saved: false, name, reason: `${v} is not set (the step does not run on a GitHub Actions runner that offers artifact storage)` };
  }
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const res = await client.uploadArtifact(name, [file], dirname(file), { retentionDays: undefined });
    const id = res.id;
    const runId = env.GITHUB_RUN_ID;
    const url = id !== undefined && repoUrl && runId ? `${repoUrl}/actions/runs/${runId}/artifacts/${id}` : undefined;
    return { saved: true, name, id, url };
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*[\r\n]+\s*/g, ' ').trim();
    return { saved: false, name, reason: `saving ${basename(file)} as artifact "${name}" failed: ${msg}` };
  }
}
