import { common, parseConfig, z } from './index';

const shape = {
  PORT: common.port,
  MONGODB_URI: common.mongoUri,
  KAFKA_BROKERS: common.brokers,
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  NAME: z.string().default('x'),
};

describe('parseConfig', () => {
  it('returns a typed, frozen object with defaults applied', () => {
    const r = parseConfig(shape, {
      PORT: '3000',
      MONGODB_URI: 'mongodb://127.0.0.1:27017',
      KAFKA_BROKERS: 'a:9092, b:9093',
      GOVHALL_TENANTS: '620321,620302',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.PORT).toBe(3000);
    expect(r.config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(r.config.LOG_LEVEL).toBe('info');
    expect(r.config.GOVHALL_TENANTS).toEqual(['620321', '620302']);
    expect(Object.isFrozen(r.config)).toBe(true);
  });

  it('names every bad variable', () => {
    const r = parseConfig(shape, {
      PORT: '70000',
      MONGODB_URI: 'http://x',
      KAFKA_BROKERS: 'nohost',
      GOVHALL_TENANTS: '62',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.variable).sort()).toEqual(['GOVHALL_TENANTS', 'KAFKA_BROKERS', 'MONGODB_URI', 'PORT']);
  });
});
