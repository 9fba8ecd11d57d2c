/**
 * OS notifications for incoming calls (the Notification API; Electron shows them natively).
 * Texts are built by the caller of `incoming` from sanitised values and i18n; nothing here
 * interprets them. Clicking a notification brings the desk to the front.
 */
export interface CallNotifier {
  /** Asks for permission once; call it from a user gesture. */
  requestPermission(): void;
  incoming(legId: string, title: string, body: string): void;
  dismiss(legId: string): void;
}

export class BrowserCallNotifier implements CallNotifier {
  private readonly shown = new Map<string, Notification>();

  requestPermission(): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
    void Notification.requestPermission().catch(() => undefined);
  }

  incoming(legId: string, title: string, body: string): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    try {
      const notification = new Notification(title, { body, tag: `call-${legId}`, silent: true });
      notification.onclick = () => {
        window.focus();
        notification.close();
      };
      this.shown.set(legId, notification);
    } catch {
      // Some platforms only allow notifications from a service worker; the ring still works.
    }
  }

  dismiss(legId: string): void {
    this.shown.get(legId)?.close();
    this.shown.delete(legId);
  }
}
