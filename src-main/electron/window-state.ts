import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const rectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
});
type Rectangle = z.infer<typeof rectangleSchema>;

const windowStateSchema = z.object({
  bounds: rectangleSchema,
  isMaximized: z.boolean(),
});
/** Where and how large the main window was when it last closed. */
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 800 },
  isMaximized: false,
};

const fileName = 'window-state.json';

/**
 * Reads the saved window state. A missing or damaged file, or bounds that
 * no longer touch any display (a monitor was unplugged), give the default
 * size centred by the caller, so the window never opens out of sight.
 */
export async function loadWindowState(
  userDataDir: string,
  workAreas: Rectangle[],
): Promise<{ state: WindowState; isRestored: boolean }> {
  let text: string;
  try {
    text = await fs.readFile(path.join(userDataDir, fileName), 'utf8');
  } catch {
    return { state: defaultWindowState, isRestored: false };
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: defaultWindowState, isRestored: false };
  }
  const parsed = windowStateSchema.safeParse(json);
  if (!parsed.success || !isVisible(parsed.data.bounds, workAreas)) {
    return { state: defaultWindowState, isRestored: false };
  }
  return { state: parsed.data, isRestored: true };
}

/** Saves the window state; written aside and renamed so a crash leaves the old file whole. */
export async function saveWindowState(
  userDataDir: string,
  state: WindowState,
): Promise<void> {
  const valid = windowStateSchema.parse(state);
  await fs.mkdir(userDataDir, { recursive: true });
  const file = path.join(userDataDir, fileName);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(valid));
  await fs.rename(temporary, file);
}

/** At least a 100×100 corner of the window must lie on some display's work area. */
function isVisible(bounds: Rectangle, workAreas: Rectangle[]): boolean {
  return workAreas.some((area) => {
    const overlapWidth =
      Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapHeight =
      Math.min(bounds.y + bounds.height, area.y + area.height) -
      Math.max(bounds.y, area.y);
    return overlapWidth >= 100 && overlapHeight >= 100;
  });
}
