import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GongxuStack, STAGES } from '../../infra/app.ts';

/**
 * cdk-nag v3 is a policy-validation plugin: findings fail `app.synth()` (so Template.fromStack throws
 * on any unacknowledged AwsSolutions error or warning) rather than becoming annotations. The tests
 * also run the pack directly on the tree, and check every acknowledgement carries a reason.
 */
let webDist: string;
const stacks = new Map<string, GongxuStack>();

beforeAll(() => {
  // With a web build, so the BucketDeployment handler (and its acknowledgements) is in the tree.
  webDist = mkdtempSync(join(tmpdir(), 'gongxu-nag-dist-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html>');
  for (const stage of STAGES) {
    // dev environment-agnostic, prod in a concrete account/region (as `cdk deploy` with credentials does)
    const env = stage === 'prod' ? { account: '123456789012', region: 'ap-southeast-1' } : undefined;
    const { stack } = createApp({
      context: { stage, 'aws:cdk:bundling-stacks': [] },
      webDistPath: webDist,
      ...(env ? { env } : {}),
    });
    Template.fromStack(stack); // synthesizes and runs the registered AwsSolutions plugin
    stacks.set(stage, stack);
  }
});

afterAll(() => {
  rmSync(webDist, { recursive: true, force: true });
});

describe.each(STAGES)('cdk-nag AwsSolutions on %s', (stage) => {
  it('reports no unacknowledged error or warning', () => {
    // Arrange
    const stack = stacks.get(stage)!;

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assert
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('leaves no AwsSolutions annotations on the stack', () => {
    const annotations = Annotations.fromStack(stacks.get(stage)!);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });

  it('gives every AwsSolutions acknowledgement a reason', () => {
    // Arrange
    const stack = stacks.get(stage)!;

    // Act
    const acknowledgements = stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions-'));

    // Assert
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(reason.trim().length, id).toBeGreaterThan(30);
    }
  });
});
