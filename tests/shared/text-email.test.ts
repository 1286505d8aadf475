import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../../src/shared/email';
import { foldForSearch } from '../../src/shared/text';

describe('foldForSearch', () => {
  it('folds accents, case, apostrophes and letters outside Latin-1', () => {
    expect(foldForSearch('  Éléonore  D’Arcy-Lefèvre ')).toBe('eleonore d arcy lefevre');
    expect(foldForSearch('Łukasz Żółw')).toBe('lukasz zolw');
    expect(foldForSearch('Şükrü Öztürk')).toBe('sukru ozturk');
    expect(foldForSearch('Nguyễn Thị Hồng')).toBe('nguyen thi hong');
    expect(foldForSearch('Strauß Øster Cœur')).toBe('strauss oster coeur');
  });
});

describe('isValidEmail', () => {
  it('accepts ordinary and internationalised addresses', () => {
    for (const address of [
      'jean.dupont@orange.fr',
      ' marie-claire.o’neil@wanadoo.fr ',
      'famille@exämple.fr',
      'łukasz@przykład.pl',
      'x@xn--exmple-cua.fr',
    ]) {
      expect(isValidEmail(address), address).toBe(true);
    }
  });

  it('refuses what a mail server would refuse', () => {
    for (const address of [
      '',
      'jean',
      'jean@',
      '@orange.fr',
      'jean dupont@orange.fr',
      'jean@orange',
      'jean@@orange.fr',
      'a@b.c;d@e.fr',
    ]) {
      expect(isValidEmail(address), address).toBe(false);
    }
  });
});
