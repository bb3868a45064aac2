import { ApiObject, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import { toApiObject } from '../src/api-objects';

// ApiObject answers instanceof for every L1 class (cdk8s's own Symbol.hasInstance): compare constructors.
const meta = { name: 'x', namespace: 'ns' };

describe('toApiObject', () => {
  test('uses the typed L1 class when it carries every field', () => {
    const chart = Testing.chart();
    const sa = toApiObject(chart, 'sa', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta, imagePullSecrets: [{ name: 'pull' }] });
    expect(sa.constructor).toBe(k8s.KubeServiceAccount);
    expect(sa.toJson()).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta, imagePullSecrets: [{ name: 'pull' }] });
  });

  test('wraps quantities and int-or-strings for the L1 classes, keeping the rendered values', () => {
    const chart = Testing.chart();
    const quota = toApiObject(chart, 'q', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta, spec: { hard: { 'cpu': '4', 'requests.storage': '20Gi' } } });
    const service = toApiObject(chart, 's', { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { ports: [{ name: 'https', port: 443, targetPort: 8443 }] } });
    expect(quota.constructor).toBe(k8s.KubeResourceQuota);
    expect(service.constructor).toBe(k8s.KubeService);
    expect(quota.toJson().spec).toEqual({ hard: { 'cpu': '4', 'requests.storage': '20Gi' } });
    expect(service.toJson().spec).toEqual({ ports: [{ name: 'https', port: 443, targetPort: 8443 }] });
  });

  test('falls back to a plain ApiObject, keeping the field, where the L1 class would drop it', () => {
    const chart = Testing.chart();
    const service = toApiObject(chart, 's', { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { ports: [{ port: 443 }], fieldFromAFutureRelease: true } });
    expect(service.constructor).toBe(ApiObject);
    expect(service.toJson().spec.fieldFromAFutureRelease).toBe(true);
  });

  test('renders workloads and custom resources as plain ApiObjects', () => {
    const chart = Testing.chart();
    const sts = toApiObject(chart, 'sts', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta, spec: { replicas: 1 } });
    const monitor = toApiObject(chart, 'sm', { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: meta, spec: {} });
    expect(sts.constructor).toBe(ApiObject);
    expect(monitor.constructor).toBe(ApiObject);
  });
});
