// UI strings of the intraday screens, merged into the one dictionary (views/i18n.ts).
export const intradayStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
