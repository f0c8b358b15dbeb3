import { describe, expect, it } from 'vitest';
import { codeSpansToHtml } from './code-spans.ts';

describe('codeSpansToHtml', () => {
  it('shows Markdown code spans as <code>, escaping everything', () => {
    expect(codeSpansToHtml('Send `Authorization: Bearer <token>` & wait')).toBe(
      'Send <code>Authorization: Bearer &lt;token&gt;</code> &amp; wait',
    );
    expect(codeSpansToHtml('`{"a": "b"}` or `x`')).toBe(
      '<code>{&quot;a&quot;: &quot;b&quot;}</code> or <code>x</code>',
    );
  });

  it('leaves an unmatched backtick as it is, and lets no markup through', () => {
    expect(codeSpansToHtml("it's `open")).toBe('it&#39;s `open');
    expect(codeSpansToHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
