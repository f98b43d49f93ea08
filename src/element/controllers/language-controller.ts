/**
 * The player's language: follows `lang` on the element, else the page, else the browser, loads the
 * catalogue (Chinese on demand) and hands it to the host with `apply`. Also keeps the element's
 * default `aria-label` in that language (one set by the page is left alone).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadMessages } from '../../i18n/catalogues.js';
import { en } from '../../i18n/en.js';
import { localeOf, type Locale } from '../../i18n/locale.js';
import type { Messages } from '../../i18n/messages.js';

export class LanguageController implements ReactiveController {
  /** The language asked for by `lang`, and the one whose strings are loaded and shown. */
  #locale: Locale = 'en';
  #appliedLocale: Locale = 'en';
  #messages: Messages = en;
  #ready: Promise<void> = Promise.resolve();
  readonly #observer = new MutationObserver(() => this.#follow());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Applies a language everywhere in the host (its catalogue is loaded and current by then). */
    private readonly apply: (messages: Messages, locale: Locale) => void,
    /** Loads what else a language needs before it is applied (video.js's own strings). */
    private readonly prepare: (locale: Locale) => Promise<void> = async () => undefined,
  ) {
    host.addController(this);
  }

  get messages(): Messages {
    return this.#messages;
  }

  get locale(): Locale {
    return this.#appliedLocale;
  }

  /** Settles when the catalogue of the current language is loaded and applied. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  hostConnected(): void {
    this.#follow();
    const watchLang = { attributes: true, attributeFilter: ['lang'] };
    this.#observer.observe(this.host, watchLang);
    this.#observer.observe(document.documentElement, watchLang);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #follow(): void {
    const host = this.host;
    const locale = localeOf(host);
    if (!host.hasAttribute('aria-label')) host.setAttribute('aria-label', this.#messages.playerLabel);
    if (locale === this.#locale) return;
    this.#locale = locale;
    this.#ready = (async () => {
      const messages = await loadMessages(locale);
      await this.prepare(locale);
      if (this.#locale !== locale) return;
      if (host.getAttribute('aria-label') === this.#messages.playerLabel) host.setAttribute('aria-label', messages.playerLabel);
      this.#messages = messages;
      this.#appliedLocale = locale;
      this.apply(messages, locale);
      host.requestUpdate();
    })();
  }
}
