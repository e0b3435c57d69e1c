import { lockDigest, parseDependencies } from './chart-lock';
import { deriveNames, plural, singular } from './names';
import { read, REPO_ROOT } from './test-root.test-double';

describe('names', () => {
  it('derives every spelling from a kebab-case name', () => {
    const n = deriveNames({ name: 'demo-widgets', grpcPort: 50099, metricsPort: 9499 });
    expect(n).toMatchObject({
      snake: 'demo_widgets',
      camel: 'demoWidgets',
      pascal: 'DemoWidgets',
      upper: 'DEMO_WIDGETS',
      topic: 'govhall.demo-widgets.widget',
      protoPackage: 'govhall.demo_widgets.v1',
      protoFile: 'govhall/demo_widgets/v1/demo_widgets_service.proto',
    });
    expect(n.entity).toEqual({
      kebab: 'widget',
      camel: 'widget',
      pascal: 'Widget',
      snake: 'widget',
      plural: 'widgets',
      pluralCamel: 'widgets',
      collection: 'widgets',
    });
  });

  it.each([
    ['complaints', 'complaint'],
    ['case-files', 'file'],
    ['agencies', 'agency'],
    ['addresses', 'address'],
    ['catalogue', 'catalogue'],
    ['status', 'status'],
  ])('takes the singular of the last word as the default entity: %s → %s', (name, entity) => {
    expect(singular(name)).toBe(entity);
  });

  it.each([
    ['complaint', 'complaints'],
    ['agency', 'agencies'],
    ['box', 'boxes'],
    ['day', 'days'],
  ])('pluralises %s as %s', (word, expected) => {
    expect(plural(word)).toBe(expected);
  });
});

describe('Chart.lock digest', () => {
  it.each(['charts/govhall', 'charts/catalogue'])('matches the one helm wrote for %s', (chart) => {
    const digest = /^digest: (\S+)$/m.exec(read(REPO_ROOT, `${chart}/Chart.lock`))?.[1];
    expect(lockDigest(parseDependencies(read(REPO_ROOT, `${chart}/Chart.yaml`)))).toBe(digest);
  });
});
