import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from './cli';
import { generateService } from './generate';
import { UsageError } from './names';
import { snapshot, tempRoot } from './test-root.test-double';

let root: string;
beforeEach(() => (root = tempRoot()));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const options = (overrides: Partial<Parameters<typeof generateService>[0]> = {}) => ({
  root,
  name: 'petitions',
  grpcPort: 50061,
  metricsPort: 9481,
  ...overrides,
});

/** Runs the generator expecting a refusal; returns its one-line message and checks nothing was written. */
function refusal(overrides: Partial<Parameters<typeof generateService>[0]>): string {
  const before = snapshot(root);
  let error: unknown;
  try {
    generateService(options(overrides));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UsageError);
  expect(snapshot(root)).toEqual(before);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('the generator refuses, changing nothing', () => {
  it.each(['Petitions', 'my_service', '-petitions', 'petitions-', '9lives', 'a--b', 'x'.repeat(41)])(
    'a service name that is not kebab-case: %s',
    (name) => {
      expect(refusal({ name })).toMatch(/must be kebab-case/);
    },
  );

  it('names reserved by the repository', () => {
    expect(refusal({ name: 'gateway' })).toMatch(/reserved/);
    expect(refusal({ name: 'events' })).toMatch(/reserved/);
  });

  it('an entity name that is not kebab-case', () => {
    expect(refusal({ entity: 'Petition' })).toMatch(/entity name "Petition" must be kebab-case/);
  });

  it('an entity name the generated code could not use as a variable', () => {
    expect(refusal({ name: 'applications', entity: 'case' })).toMatch(
      /entity name "case" is a JavaScript reserved word/,
    );
    expect(refusal({ name: 'classes' })).toMatch(/entity name "class" is a JavaScript reserved word/);
  });

  it('a service that exists already, or any file of it', () => {
    fs.mkdirSync(path.join(root, 'services/catalogue/src'), { recursive: true });
    expect(refusal({ name: 'catalogue' })).toBe(
      'services/catalogue already exists: refusing to generate over an existing service',
    );
    fs.mkdirSync(path.join(root, 'charts/petitions'), { recursive: true });
    expect(refusal({})).toMatch(/^charts\/petitions already exists/);
  });

  it('a second run for the same name', () => {
    generateService(options());
    expect(refusal({})).toMatch(/^services\/petitions already exists/);
  });

  it('a name another part of the tree already uses', () => {
    fs.appendFileSync(path.join(root, 'deploy/kafka/topics.txt'), 'govhall.petitions.petition 3\n');
    expect(refusal({})).toBe(
      'deploy/kafka/topics.txt already has govhall.petitions.petition: refusing to generate over an existing service',
    );
  });

  it('ports that are equal or already taken locally', () => {
    expect(refusal({ metricsPort: 50061 })).toBe('--grpc-port and --metrics-port must differ (both are 50061)');
    expect(refusal({ grpcPort: 50051 })).toMatch(/^port 50051 is already taken locally/); // catalogue
    expect(refusal({ metricsPort: 9092 })).toMatch(/^port 9092 is already taken locally/); // Kafka
  });
});

describe('command line', () => {
  const argv = (s: string) => s.split(' ');

  it('reads the name, both ports and the optional entity', () => {
    expect(parseArgs(argv('demo-widgets --grpc-port 50099 --metrics-port=9499 --entity gadget'))).toMatchObject({
      name: 'demo-widgets',
      grpcPort: 50099,
      metricsPort: 9499,
      entity: 'gadget',
    });
  });

  it.each([
    ['petitions --metrics-port 9481', '--grpc-port <port> is required'],
    ['petitions --grpc-port 80 --metrics-port 9481', '--grpc-port "80" must be a whole number from 1024 to 65535'],
    ['petitions --grpc-port 5e4 --metrics-port 9481', '--grpc-port "5e4" must be a whole number'],
    ['petitions --grpc-port 50061 --metrics-port 70000', '--metrics-port "70000" must be a whole number'],
    ['petitions --grpc-port 50061 --metrics-port', '--metrics-port needs a value'],
    ['petitions --grpc-port 50061 --metrics-port 9481 --force', 'unknown option --force'],
    ['--grpc-port 50061 --metrics-port 9481', 'expected exactly one service name'],
  ])('refuses %s', (args, message) => {
    expect(() => parseArgs(argv(args))).toThrow(message);
  });
});
