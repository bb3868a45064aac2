import { contextFor } from './context-helper';
import { renderLimitRange } from '../../src/render/limit-range';
import { pairedPolicyEnabled, renderResourceQuota } from '../../src/render/resource-quota';

describe('resource quota and limit range', () => {
  test('renders a policy when it is enabled, or when "auto" and its partner is enabled, never when it is off', () => {
    expect(pairedPolicyEnabled(true, false)).toBe(true);
    expect(pairedPolicyEnabled('auto', true)).toBe(true);
    expect(pairedPolicyEnabled('auto', 'auto')).toBe(false);
    expect(pairedPolicyEnabled(false, true)).toBe(false);
    expect(pairedPolicyEnabled('false', true)).toBe(false);
  });

  test('renders the limit range with the quota, as the chart pairs them', () => {
    const ctx = contextFor({ policies: { resourceQuota: { enabled: true } } });
    expect(renderResourceQuota(ctx)).toHaveLength(1);
    expect(renderLimitRange(ctx)).toHaveLength(1);
  });

  test('quotes quota values, leaving a null one empty as Sprig quote does', () => {
    const [quota] = renderResourceQuota(
      contextFor({ policies: { resourceQuota: { enabled: true, quota: { 'count/pods': 5, 'custom.io/x': null } } } }),
    );
    expect((quota.manifest.spec as any).hard).toMatchObject({ 'count/pods': '5', 'custom.io/x': null });
  });
});
