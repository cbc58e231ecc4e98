/*
 * Event-emitting stand-ins for Electron windows and web contents, for unit tests
 * only. A test fires the events Electron would and reads what was recorded.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { NavigationEvent, WebContentsLike, WindowLike } from '../deps';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = (...args: never[]): unknown => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A navigation event whose preventDefault() is observable. */
export function navigationEvent(url: string): NavigationEvent & { prevented: boolean } {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

export class FakeWebContents extends FakeEmitter implements WebContentsLike {
  openHandler: ((details: { readonly url: string }) => { action: 'deny' }) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  /** What executeJavaScript answers (a test sets it: e.g. the report becoming ready). */
  scriptResult: () => unknown = () => true;
  readonly scripts: string[] = [];
  executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return Promise.resolve(this.scriptResult());
  }

  readonly printed: unknown[] = [];
  printToPDF(options: unknown): Promise<Uint8Array> {
    this.printed.push(options);
    return Promise.resolve(new TextEncoder().encode('%PDF-1.7 fake'));
  }
}

export class FakeWindow extends FakeEmitter implements WindowLike {
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  readonly loadedUrls: string[] = [];
  bounds: Rectangle;
  minimized = false;
  maximized = false;
  destroyed = false;
  background: string | undefined;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.background = options.backgroundColor;
  }

  show(): void {
    this.calls.push('show');
  }
  /** Like Electron: 'close' fires first and may be prevented; otherwise the window is destroyed. */
  close(): void {
    this.calls.push('close');
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
  }
  focus(): void {
    this.calls.push('focus');
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  maximize(): void {
    this.calls.push('maximize');
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  setBackgroundColor(color: string): void {
    this.background = color;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
}
