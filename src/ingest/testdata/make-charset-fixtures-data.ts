/** The charset fixtures' headlines: charset → a headline in a script that charset can carry. */
export const charsetSamples: Record<string, string> = {
  'utf-8': 'Zürich – Ελλάδα – 東京 – “quotes”',
  'iso-8859-1': 'Café crème à Zürich',
  'iso-8859-15': 'Prix en € à Orléans',
  'windows-1252': 'Smart “quotes” – and € sign',
  'windows-1256': 'عاجل: افتتاح معرض الكتاب',
  'koi8-r': 'Новости Москвы',
  'windows-1251': 'Софийски новини',
  'shift_jis': '東京の天気',
};
