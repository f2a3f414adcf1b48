import { afterEach, describe, expect, it, vi } from 'vitest';
import { imagesToRun, pullFailure } from './required-images.ts';

describe('images a docker run needs', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('tells an unreachable registry from an image it does not have, by the runtime messages', () => {
    expect(
      pullFailure(
        '(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
      ),
    ).toBe('unreachable');
    expect(pullFailure('(HTTP code 404) unexpected - manifest for apache/flink:9.9.9 not found: manifest unknown: manifest unknown')).toBe(
      'missing',
    );
    expect(
      pullFailure(
        "(HTTP code 404) unexpected - pull access denied for nosuch/image, repository does not exist or may require 'docker login'",
      ),
    ).toBe('missing');
    expect(pullFailure('(HTTP code 500) server error - something else')).toBeUndefined();
  });

  it('the resource reaper comes first, unless it is disabled', () => {
    expect(imagesToRun(['a:1', 'b:2', 'a:1'])[0]).toMatch(/^testcontainers\/ryuk:/);
    expect(imagesToRun(['a:1', 'b:2', 'a:1']).slice(1)).toEqual(['a:1', 'b:2']);
  });
});
