// Runs the deadline reminders and the daily digests from the server process, every few minutes
// (issue 3 item 9). Every app server may run it: the dedupe keys write each notice once, and a
// digest e-mail is claimed before it is sent. A failed run is logged and the next one tries again.
import type { AppContext } from '../context.js';
import { sendDailyDigests } from './send-daily-digests.js';
import { sendDeadlineReminders } from './send-deadline-reminders.js';

export const NOTIFICATION_INTERVAL_MS = 10 * 60 * 1000;

export interface SchedulerOptions {
  intervalMs?: number;
  /** Pause before the first run, so start-up (migrations, demo build) finishes first. */
  firstRunMs?: number;
}

/** One pass of both tasks; each failure is logged, never thrown (the server keeps running). */
export async function runNotificationTasks(ctx: AppContext): Promise<void> {
  try {
    await sendDeadlineReminders(ctx);
  } catch (e) {
    console.error('[tusoi] nhắc hạn kiểm điểm:', e);
  }
  try {
    await sendDailyDigests(ctx);
  } catch (e) {
    console.error('[tusoi] tổng hợp thông báo hằng ngày:', e);
  }
}

export function startNotificationScheduler(ctx: AppContext, opts: SchedulerOptions = {}): { stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? NOTIFICATION_INTERVAL_MS;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (ms: number) => {
    if (stopped) return;
    // unref: the timer alone never keeps the process alive.
    timer = setTimeout(() => {
      running = runNotificationTasks(ctx).finally(() => {
        running = null;
        schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(opts.firstRunMs ?? 15_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
