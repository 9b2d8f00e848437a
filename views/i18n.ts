// The one dictionary of UI strings, in zh-CN and English; domain content (scripts) stays Chinese.

import { knowledgeStrings } from './i18n/knowledge.ts';
import { qualityStrings } from './i18n/quality.ts';
import { schedulingStrings } from './i18n/scheduling.ts';
import { rostersStrings } from './i18n/rosters.ts';
import { intradayStrings } from './i18n/intraday.ts';
import { weeklyStrings } from './i18n/weekly.ts';
import { incentivesStrings } from './i18n/incentives.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The shell's own strings; feature areas keep theirs in views/i18n/<area>.ts. */
const shell: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'app.name': '峰线 Peakline',
    'app.tagline': '供电服务热线运营控制台',
    'nav.agent': '坐席助手',
    'nav.quality': '质检',
    'nav.rosters': '排班',
    'nav.knowledge': '知识库',
    'nav.admin': '系统管理',
    'nav.users': '用户',
    'nav.tokens': 'API 令牌',
    'nav.audit': '审计日志',
    'nav.matrix': '责任矩阵',
    'nav.myQuality': '我的质检',
    'nav.schedule': '我的班表',
    'nav.findings': '质检发现',
    'nav.me': '我的账户',
    'nav.skip': '跳到主要内容',
    'role.agent': '坐席',
    'role.inspector': '质检员',
    'role.scheduler': '排班员',
    'role.knowledge': '知识管理员',
    'role.admin': '管理员',
    'role.client': '客户质检员',
    'admin.users.clientProject': '客户项目（客户质检员）',
    'admin.users.noClientProject': '不绑定',
    'admin.users.clientProjectHint': '客户质检员只能看到所绑定项目的质检样本。',
    'admin.users.clientProjectRequired': '客户质检员必须绑定一个项目。',
    'login.title': '登录',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.failed': '用户名或密码不正确。',
    'login.throttled': '尝试次数过多，请 {minutes} 分钟后再试。',
    'login.expired': '会话已过期，请重新登录。',
    'logout.submit': '退出',
    'lang.switch': 'English',
    'lang.label': '语言',
    'lang.zh-CN': '中文',
    'lang.en': 'English',
    'home.agent.title': '坐席助手',
    'home.agent.lead': '输入客户的原话，查找场景话术与工单模板。',
    'home.agent.search': '搜索场景',
    'home.agent.searchHint': '按 / 聚焦搜索框，↑↓ 选择，回车打开',
    'home.agent.empty': '场景库尚未发布。',
    'home.quality.title': '质检工作队列',
    'home.quality.lead': '按质检计划抽取的录音，待您评分。',
    'home.quality.empty': '暂无待评分的样本。质检计划创建后，抽样结果会出现在这里。',
    'home.rosters.title': '排班',
    'home.rosters.lead': '月计划、周调整、日微调。',
    'home.rosters.empty': '尚无排班表。导入话务历史并生成预测后即可求解月度排班。',
    'home.knowledge.title': '知识库',
    'home.knowledge.lead': '维护场景话术、工单模板与责任矩阵。',
    'home.knowledge.empty': '尚无场景。可通过导入添加场景库。',
    'admin.users.title': '用户',
    'admin.users.new': '新增用户',
    'admin.users.username': '用户名',
    'admin.users.displayName': '姓名',
    'admin.users.roles': '角色',
    'admin.users.team': '班组',
    'admin.users.noTeam': '（无）',
    'admin.users.active': '启用',
    'admin.users.inactive': '已停用',
    'admin.users.locale': '界面语言',
    'admin.users.localeAuto': '跟随浏览器',
    'admin.users.password': '初始密码',
    'admin.users.create': '创建用户',
    'admin.users.save': '保存',
    'admin.users.edit': '编辑',
    'admin.users.resetPassword': '重置密码',
    'admin.users.newPassword': '新密码',
    'admin.users.created': '已创建用户 {username}。',
    'admin.users.saved': '已保存。',
    'admin.users.passwordReset': '已重置 {username} 的密码，其所有会话已退出。',
    'admin.users.conflict': '该用户已被他人修改。下面是您填写的内容，请核对最新数据后再保存。',
    'admin.users.taken': '用户名已存在。',
    'admin.users.badUsername': '用户名须为 2–40 位小写字母、数字或 . _ -，以字母或数字开头。',
    'admin.users.lastAdmin': '不能移除最后一位管理员的管理员角色或停用其账户。',
    'admin.users.count': '共 {count} 位用户',
    'admin.tokens.title': 'API 令牌',
    'admin.tokens.lead': '供 CTI、录音系统等调用 /api/v1；令牌以其用户的角色行事。',
    'admin.tokens.name': '用途',
    'admin.tokens.user': '用户',
    'admin.tokens.create': '签发令牌',
    'admin.tokens.revoke': '吊销',
    'admin.tokens.revoked': '已吊销',
    'admin.tokens.active': '有效',
    'admin.tokens.createdOnce': '新令牌如下，仅显示这一次，请立即保存：',
    'admin.tokens.lastUsed': '最近使用',
    'admin.tokens.never': '从未',
    'admin.tokens.prefix': '前缀',
    'admin.tokens.none': '尚未签发令牌。',
    'admin.audit.title': '审计日志',
    'admin.audit.at': '时间',
    'admin.audit.actor': '操作人',
    'admin.audit.action': '操作',
    'admin.audit.target': '对象',
    'admin.audit.detail': '详情',
    'me.title': '我的账户',
    'me.roles': '我的角色',
    'me.noRoles': '您尚未被分配角色，请联系管理员。',
    'me.changePassword': '修改密码',
    'me.currentPassword': '当前密码',
    'me.newPassword': '新密码',
    'me.passwordChanged': '密码已修改，其他会话已退出。',
    'me.wrongPassword': '当前密码不正确。',
    'form.required': '必填。',
    'form.errors': '请更正标出的字段。',
    'form.status': '状态',
    'form.actions': '操作',
    'password.tooShort': '密码至少 10 个字符。',
    'password.tooLong': '密码过长。',
    'error.title': '出错了',
    'error.notFound': '找不到该页面。',
    'error.forbidden': '您没有访问此页面的权限。',
    'error.csrf': '表单已过期或来源不明，请刷新页面后重试。',
    'error.tooLarge': '提交的内容过大。',
    'error.server': '服务器出现错误，已记录。请稍后重试。',
    'error.requestId': '请求编号',
    'error.home': '返回首页',
    'common.yes': '是',
    'common.no': '否',
    'common.none': '暂无',
  },
  en: {
    'app.name': 'Peakline',
    'app.tagline': 'Utility hotline operations console',
    'nav.agent': 'Agent assist',
    'nav.quality': 'Quality',
    'nav.rosters': 'Rosters',
    'nav.knowledge': 'Knowledge',
    'nav.admin': 'Admin',
    'nav.users': 'Users',
    'nav.tokens': 'API tokens',
    'nav.audit': 'Audit log',
    'nav.matrix': 'Responsibility matrix',
    'nav.myQuality': 'My evaluations',
    'nav.schedule': 'My schedule',
    'nav.findings': 'Quality findings',
    'nav.me': 'My account',
    'nav.skip': 'Skip to main content',
    'role.agent': 'Agent',
    'role.inspector': 'Inspector',
    'role.scheduler': 'Scheduler',
    'role.knowledge': 'Knowledge owner',
    'role.admin': 'Admin',
    'role.client': 'Client reviewer',
    'admin.users.clientProject': 'Client project (client reviewers)',
    'admin.users.noClientProject': 'None',
    'admin.users.clientProjectHint': 'A client reviewer sees only the quality samples of this project.',
    'admin.users.clientProjectRequired': 'A client reviewer must be bound to a project.',
    'login.title': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password.',
    'login.throttled': 'Too many attempts. Try again in {minutes} minutes.',
    'login.expired': 'Your session has expired. Please sign in again.',
    'logout.submit': 'Sign out',
    'lang.switch': '中文',
    'lang.label': 'Language',
    'lang.zh-CN': '中文',
    'lang.en': 'English',
    'home.agent.title': 'Agent assist',
    'home.agent.lead': "Type what the caller says to find the scenario script and its work-order template.",
    'home.agent.search': 'Search scenarios',
    'home.agent.searchHint': 'Press / to focus, ↑↓ to choose, Enter to open',
    'home.agent.empty': 'No scenario library has been published yet.',
    'home.quality.title': 'Quality work queue',
    'home.quality.lead': 'Recordings sampled by your plans, waiting for your score.',
    'home.quality.empty': 'Nothing to score yet. Samples appear here once a quality plan draws them.',
    'home.rosters.title': 'Rosters',
    'home.rosters.lead': 'Monthly plan, weekly adjustment, daily fine-tuning.',
    'home.rosters.empty': 'No rosters yet. Import call history and forecast it to solve a monthly roster.',
    'home.knowledge.title': 'Knowledge library',
    'home.knowledge.lead': 'Keep scenario scripts, work-order templates and the responsibility matrix true.',
    'home.knowledge.empty': 'No scenarios yet. Import a library to add them.',
    'admin.users.title': 'Users',
    'admin.users.new': 'New user',
    'admin.users.username': 'Username',
    'admin.users.displayName': 'Name',
    'admin.users.roles': 'Roles',
    'admin.users.team': 'Team',
    'admin.users.noTeam': '(none)',
    'admin.users.active': 'Active',
    'admin.users.inactive': 'Deactivated',
    'admin.users.locale': 'Interface language',
    'admin.users.localeAuto': 'Follow the browser',
    'admin.users.password': 'Initial password',
    'admin.users.create': 'Create user',
    'admin.users.save': 'Save',
    'admin.users.edit': 'Edit',
    'admin.users.resetPassword': 'Reset password',
    'admin.users.newPassword': 'New password',
    'admin.users.created': 'User {username} created.',
    'admin.users.saved': 'Saved.',
    'admin.users.passwordReset': "Password of {username} reset; all of their sessions were signed out.",
    'admin.users.conflict': 'Someone else changed this user meanwhile. Your entries are below; check the latest data and save again.',
    'admin.users.taken': 'That username is taken.',
    'admin.users.badUsername': 'Usernames are 2–40 lower-case letters, digits or . _ -, starting with a letter or digit.',
    'admin.users.lastAdmin': 'The last admin cannot lose the admin role or be deactivated.',
    'admin.users.count': '{count} users',
    'admin.tokens.title': 'API tokens',
    'admin.tokens.lead': "For CTI and recording systems calling /api/v1; a token acts with its user's roles.",
    'admin.tokens.name': 'Purpose',
    'admin.tokens.user': 'User',
    'admin.tokens.create': 'Issue token',
    'admin.tokens.revoke': 'Revoke',
    'admin.tokens.revoked': 'Revoked',
    'admin.tokens.active': 'Active',
    'admin.tokens.createdOnce': 'Here is the new token. It is shown only this once; store it now:',
    'admin.tokens.lastUsed': 'Last used',
    'admin.tokens.never': 'Never',
    'admin.tokens.prefix': 'Prefix',
    'admin.tokens.none': 'No tokens issued yet.',
    'admin.audit.title': 'Audit log',
    'admin.audit.at': 'Time',
    'admin.audit.actor': 'Who',
    'admin.audit.action': 'Action',
    'admin.audit.target': 'Target',
    'admin.audit.detail': 'Detail',
    'me.title': 'My account',
    'me.roles': 'My roles',
    'me.noRoles': 'You have no role yet. Ask an admin to assign one.',
    'me.changePassword': 'Change password',
    'me.currentPassword': 'Current password',
    'me.newPassword': 'New password',
    'me.passwordChanged': 'Password changed; your other sessions were signed out.',
    'me.wrongPassword': 'The current password is wrong.',
    'form.required': 'Required.',
    'form.errors': 'Please correct the marked fields.',
    'form.status': 'Status',
    'form.actions': 'Actions',
    'password.tooShort': 'Passwords need at least 10 characters.',
    'password.tooLong': 'That password is too long.',
    'error.title': 'Something went wrong',
    'error.notFound': 'There is no such page.',
    'error.forbidden': 'You may not open this page.',
    'error.csrf': 'This form has expired or came from elsewhere. Reload the page and try again.',
    'error.tooLarge': 'What you sent is too large.',
    'error.server': 'The server hit an error; it has been logged. Please try again shortly.',
    'error.requestId': 'Request id',
    'error.home': 'Back to the start',
    'common.yes': 'Yes',
    'common.no': 'No',
    'common.none': 'None',
  },
};

/** Every UI string by key; each key must exist in both languages (a test checks). */
export const dictionary: Record<Locale, Record<string, string>> = {
  'zh-CN': { ...shell['zh-CN'], ...knowledgeStrings['zh-CN'], ...qualityStrings['zh-CN'], ...schedulingStrings['zh-CN'], ...rostersStrings['zh-CN'], ...intradayStrings['zh-CN'], ...weeklyStrings['zh-CN'], ...incentivesStrings['zh-CN'] },
  en: { ...shell.en, ...knowledgeStrings.en, ...qualityStrings.en, ...schedulingStrings.en, ...rostersStrings.en, ...intradayStrings.en, ...weeklyStrings.en, ...incentivesStrings.en },
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * Returns the translator for a locale; unknown keys show as the key itself (and a test keeps
 * the dictionary complete).
 * @example translator('en')('admin.users.count', { count: 3 }) // '3 users'
 */
export function translator(locale: Locale): Translate {
  const table = dictionary[locale];
  return function t(key, params) {
    const text = table[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/**
 * Picks a locale from an Accept-Language header; Chinese unless English is preferred.
 * @example localeFromAcceptLanguage('en-US,en;q=0.9') // 'en'
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((x) => x.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('zh')) return 'zh-CN';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Narrows a string to a Locale, or undefined. */
export function asLocale(value: string | null | undefined): Locale | undefined {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : undefined;
}
