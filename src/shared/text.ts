// Folding names for search and duplicate detection: case, accents and the letters that do not
// decompose (Ł, Ø, ß, Æ…) all compare equal to their plain Latin form.
const special: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ı: 'i',
  þ: 'th',
};

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøßæœđıþ]/g, (letter) => special[letter] ?? letter)
    .replace(/[’'`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
