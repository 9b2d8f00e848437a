// Cookie names used by the console.
export const SESSION_COOKIE = 'pl_session';
export const ANON_COOKIE = 'pl_anon';
export const LANG_COOKIE = 'pl_lang';
