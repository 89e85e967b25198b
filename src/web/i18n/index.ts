/** The web layer's view of the one translator (src/i18n), shared with the report builders. */
export { asLang, hasMessage, LANGS, messages, plain, textIn, translate, type Lang } from '../../i18n';
