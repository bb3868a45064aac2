import type { ServiceType } from 'cdk8s-plus-31';
import { cdk8sPlus } from './cdk8s-plus';
import { ControlPlane } from '../../imports/chart-versions';
import { fail } from './validation';

/** The Service in front of the control plane's API server (vcluster.yaml `controlPlane.service`). */
export interface ServiceOptions {
  /**
   * Whether the Service exists.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * How the Service is exposed.
   * @default ServiceType.CLUSTER_IP
   */
  readonly type?: `${ServiceType}`;

  /**
   * The node port of the API server (https), for NodePort and LoadBalancer services.
   * @default - one Kubernetes picks
   */
  readonly httpsNodePort?: number;

  /**
   * The node port of the kubelet endpoint, for NodePort services.
   * @default - one Kubernetes picks
   */
  readonly kubeletNodePort?: number;

  /**
   * Annotations, e.g. for a cloud load balancer.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };

  /**
   * Labels.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
}

/** The `controlPlane.service` section. */
export function serviceSection(service: ServiceOptions): ControlPlane['service'] {
  const type = service.type;
  // Without a type there is nothing to compare, and no need to load cdk8s-plus for its enum.
  const types = type === undefined ? undefined : cdk8sPlus().ServiceType;
  if (types !== undefined && type === types.EXTERNAL_NAME) {
    fail('service.type', type, 'an ExternalName service cannot front the control plane; use CLUSTER_IP, NODE_PORT or LOAD_BALANCER.');
  }
  for (const key of ['httpsNodePort', 'kubeletNodePort'] as const) {
    const port = service[key];
    if (port === undefined) continue;
    if (types === undefined || (type !== types.NODE_PORT && type !== types.LOAD_BALANCER)) {
      fail(`service.${key}`, port, `needs service.type NODE_PORT or LOAD_BALANCER (got ${type ?? 'the default CLUSTER_IP'}); set the type ` +
        `or leave the node port out.`);
    }
  }
  return {
    enabled: service.enabled,
    spec: { type },
    httpsNodePort: service.httpsNodePort,
    kubeletNodePort: service.kubeletNodePort,
    annotations: service.annotations && { ...service.annotations },
    labels: service.labels && { ...service.labels },
  };
}
