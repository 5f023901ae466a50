// The fake Notification: records each one main shows; a test clicks it (or one of its action buttons).
import { EventEmitter } from 'node:events';
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationSnapshot } from './protocol';

export class FakeNotification extends EventEmitter implements Pick<Notification, 'show' | 'close' | 'title' | 'body'> {
  static readonly all: FakeNotification[] = [];
  title: string;
  body: string;
  private readonly actions: string[];
  private shown = false;

  static isSupported(): boolean {
    return true;
  }

  constructor(options: NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.actions = (options.actions ?? []).map((action) => action.text ?? action.type);
    FakeNotification.all.push(this);
  }

  show(): void {
    this.shown = true;
    this.emit('show', {});
  }

  close(): void {
    this.emit('close', {});
  }

  click(action?: number): void {
    if (!this.shown) throw new Error(`notification "${this.title}" was never shown`);
    if (action === undefined) this.emit('click', {});
    else this.emit('action', {}, action);
  }

  snapshot(): NotificationSnapshot {
    return { title: this.title, body: this.body, actions: this.actions, shown: this.shown };
  }
}
