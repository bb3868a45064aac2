import { Testing } from 'cdk8s';
import { VCluster, VClusterProps } from '../src';

/** A VCluster named vc1 in namespace vc1, synthesized: the construct and its manifests. */
export function synthVCluster(props: VClusterProps = {}): { vc: VCluster; manifests: any[] } {
  const chart = Testing.chart();
  const vc = new VCluster(chart, 'vc1', { namespace: 'vc1', ...props });
  return { vc, manifests: Testing.synth(chart) };
}

/** The manifest of the given kind (and name), failing the test when there is none. */
export function manifest(manifests: any[], kind: string, name?: string): any {
  const found = manifests.find((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (!found) throw new Error(`no ${kind}${name ? ` ${name}` : ''} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
}

/** The control plane's syncer container. */
export function syncer(manifests: any[]): any {
  return manifest(manifests, manifests.some((m) => m.kind === 'StatefulSet' && m.metadata.name === 'vc1') ? 'StatefulSet' : 'Deployment', 'vc1')
    .spec.template.spec.containers.find((c: any) => c.name === 'syncer');
}
