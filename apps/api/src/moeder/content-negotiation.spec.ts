import { NotAcceptableException } from '@nestjs/common';
import { vaelgFormat } from './content-negotiation';

describe('vaelgFormat: the referat format from Accept', () => {
  it.each([
    [undefined, 'text'],
    ['', 'text'],
    ['*/*', 'text'],
    ['text/*', 'text'],
    ['text/plain', 'text'],
    ['text/markdown', 'markdown'],
    ['text/html', 'html'],
    ['TEXT/HTML; charset=utf-8', 'html'],
    ['application/pdf', 'pdf'],
    ['application/*', 'pdf'],
    ['application/pdf, image/*', 'pdf'],
  ])('gives %p the %s format', (accept, format) => {
    expect(vaelgFormat(accept).format).toBe(format);
  });

  it('prefers the type with the highest q', () => {
    expect(vaelgFormat('text/plain;q=0.5, text/markdown;q=0.9, text/html;q=0.1').format).toBe('markdown');
  });

  it('lets an exact type outrank a wildcard', () => {
    expect(vaelgFormat('text/html, */*;q=0.1').format).toBe('html');
    expect(vaelgFormat('*/*;q=0.1, text/markdown;q=0.2').format).toBe('markdown');
  });

  it('excludes a type given q=0 even under a wildcard', () => {
    expect(vaelgFormat('text/plain;q=0, */*').format).toBe('markdown');
  });

  it.each(['application/json', 'image/*', 'text/plain;q=0, application/pdf;q=0', 'ikke en medietype'])('refuses %p with 406', (accept) => {
    expect(() => vaelgFormat(accept)).toThrow(NotAcceptableException);
  });
});
