// UI strings of the incentives screens, merged into the one dictionary (views/i18n.ts).
export const incentivesStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
