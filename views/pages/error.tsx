// The error page: a message, the request id to quote, a way back — never a stack trace.
import type { Translate } from '../i18n.ts';

export function ErrorPage(props: { t: Translate; status: number; message: string; requestId: string }) {
  const { t } = props;
  return (
    <section class="panel narrow error-page">
      <h1>
        {props.status} · {t('error.title')}
      </h1>
      <p>{props.message}</p>
      <p class="muted">
        {t('error.requestId')}: <code>{props.requestId}</code>
      </p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>
  );
}
