import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';
import { DatabaseUnavailableError } from './errors.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-lock-'));

describe('lockDataDir', () => {
  it('creates the directory, takes the lock and releases it', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'peelian.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'peelian.lock'))).toBe(false);
  });

  it('refuses a directory that a running process holds', () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dir, 'peelian.lock'), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(DatabaseUnavailableError);
      expect(() => lockDataDir(dir)).toThrow(`in use by another Peelian process (pid ${holder.pid})`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that has ended', () => {
    const dir = tempDir();
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']);
    fs.writeFileSync(path.join(dir, 'peelian.lock'), ended.stdout.toString().trim());
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'peelian.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('says plainly when the directory cannot be written', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => lockDataDir(path.join(file, 'data'))).toThrow(
      /is not writable \(ENOTDIR\)\. Set PEELIAN_DATA_DIR to a directory you can write to\./,
    );
  });
});
