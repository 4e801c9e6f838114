// A progress bar per epoch (cli-progress) on a terminal; nothing on a non-terminal (the epoch's
// summary line is printed by the caller), so logs in CI stay readable.

import cliProgress from 'cli-progress';

export interface ProgressValues {
  loss: number;
  accuracy: number;
  samplesPerSecond: number;
}

export class EpochProgress {
  private bar: cliProgress.SingleBar | null = null;
  private count = 0;
  private lastDraw = 0;

  constructor(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
    if (!stream.isTTY) return;
    this.bar = new cliProgress.SingleBar(
      {
        format: `${label} |{bar}| {value}/{total} batches | loss {loss} | acc {acc} % | {sps} samples/s | eta {eta}s`,
        stream,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { loss: '-', acc: '-', sps: '-' });
  }

  tick(v: ProgressValues): void {
    this.count++;
    if (!this.bar) return;
    const now = performance.now();
    if (now - this.lastDraw < 100) {
      this.bar.increment(1);
      return;
    }
    this.lastDraw = now;
    this.bar.update(this.count, { loss: v.loss.toFixed(4), acc: (100 * v.accuracy).toFixed(2), sps: Math.round(v.samplesPerSecond) });
  }

  stop(): void {
    this.bar?.stop();
  }
}
