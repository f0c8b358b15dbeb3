import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data/peelian on port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ engine: 'pglite', dataDir: path.resolve('data/peelian') });
    expect(config.port).toBe(3000);
    expect(config.environment).toBe('development');
    expect(config.areaName).toBe('Thames Valley');
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://peelian:pw@db.internal:5432/peelian',
      DATABASE_POOL_SIZE: '5',
    });
    expect(config.database).toEqual({
      engine: 'postgresql',
      url: 'postgresql://peelian:pw@db.internal:5432/peelian',
      poolSize: 5,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.engine).toBe('pglite');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/peelian' }, /DATABASE_URL must be a URL of the form postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL must be a URL/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ PEELIAN_GIT_COMMIT: 'main' }, /PEELIAN_GIT_COMMIT must be a git commit hash/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://peelian:s3cret@db:5432/peelian')).toBe(
      'postgres://peelian:***@db:5432/peelian',
    );
    expect(redactUrl('postgres://db/peelian')).toBe('postgres://db/peelian');
  });
});
