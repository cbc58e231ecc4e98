import { z } from 'zod';
import { invokeChannels, type InvokeArgs, type InvokeChannel, type InvokeResults } from '@shared/bridge';
import type { IpcInvokeEventLike, IpcMainLike } from '../deps';
import { isAppUrl } from '../security';

/** What a channel's implementation receives and must return, derived from shared/bridge.ts. */
export type ChannelImpl<C extends InvokeChannel> = (...args: InvokeArgs<C>) => InvokeResults[C] | Promise<InvokeResults[C]>;

export type Handle = <C extends InvokeChannel>(channel: C, impl: ChannelImpl<C>) => void;

/** Refuses calls from anything but a frame showing app://waypoint (a navigated or foreign frame). */
export function assertAppSender(event: IpcInvokeEventLike, channel: string): void {
  const frame = event.senderFrame;
  if (frame === null) {
    throw new Error(`${channel} refused: the calling frame is gone`);
  }
  if (!isAppUrl(frame.url)) {
    throw new Error(`${channel} refused: sender "${frame.url}" is not the app's origin`);
  }
}

/**
 * The only way main-process handlers are registered (ARCHITECTURE rule 4): every
 * call is checked for its sender, its arguments are parsed with the channel's
 * zod schema, and only then does the typed implementation run. Thrown errors
 * reach the renderer as a rejected invoke() with the message.
 */
export function createHandle(ipcMain: IpcMainLike): Handle {
  return (channel, impl) => {
    // Widened once here: indexing the schema map with a generic key gives a union
    // TypeScript cannot call; the parse result is the channel's own tuple type.
    const schema: z.ZodType<unknown> = invokeChannels[channel].args;
    ipcMain.handle(channel, async (event, ...rawArgs) => {
      assertAppSender(event, channel);
      const parsed = schema.safeParse(rawArgs);
      if (!parsed.success) {
        throw new Error(`${channel} refused: invalid arguments — ${z.prettifyError(parsed.error)}`);
      }
      return impl(...(parsed.data as InvokeArgs<typeof channel>));
    });
  };
}
