// Preflight of exported (or any) PDFs against a court profile, so the app can check an export before it is filed.
import { courtLimits } from '../../../shared/court-profiles.ts';
import { preflight } from '../preflight/preflight.ts';
import type { HandlerGroup } from './handler.ts';

export function preflightHandlers(): HandlerGroup<'preflight'> {
  return {
    preflight: ({ paths, court, maxMb }, options) => preflight(paths, courtLimits(court, maxMb), options),
  };
}
